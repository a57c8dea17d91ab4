"""Collaborative services, the sharing registry, tag counts and the demo data."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coursework.collaboratives import services, sharing
from coursework.models import Collaborative, Post, Reply
from partnerships.common.errors import PlannerError
from partnerships.models import FocusArea, Notification, User
from tests.coursework.factories import (
    CollaborativeFactory,
    CollaborativeMembershipFactory,
    EnrollmentFactory,
    PostFactory,
    ReplyFactory,
)
from tests.partnerships.factories import UserFactory


@pytest.fixture
def collab(cohort, instructor):
    return CollaborativeFactory(cohort=cohort, created_by=instructor)


@pytest.fixture
def member(collab, enrollment):
    CollaborativeMembershipFactory(collaborative=collab, user=enrollment.teacher)
    return enrollment.teacher


@pytest.fixture
def peer(collab, cohort):
    person = EnrollmentFactory(cohort=cohort).teacher
    CollaborativeMembershipFactory(collaborative=collab, user=person)
    return person


def test_post_notifies_by_each_persons_preference(collab, member, peer, cohort, run_tasks):
    digest = EnrollmentFactory(cohort=cohort, teacher=UserFactory(notification_preference=User.Notify.DIGEST)).teacher
    CollaborativeMembershipFactory(collaborative=collab, user=digest)
    User.objects.filter(pk=peer.pk).update(notification_preference=User.Notify.IMMEDIATE)
    peer.refresh_from_db()
    mail.outbox.clear()
    post = services.post_create(collaborative=collab, author=member, body="Thinking aloud")
    assert set(Notification.objects.values_list("recipient", flat=True)) == {peer.pk, digest.pk}
    run_tasks()
    assert [m.to for m in mail.outbox] == [[peer.email]]
    run_tasks()
    assert post.get_absolute_url() in mail.outbox[0].body


def test_cannot_post_or_reply_before_agreeing(collab, enrollment, peer):
    CollaborativeMembershipFactory(collaborative=collab, user=enrollment.teacher, agreed_to_norms_at=None)
    with pytest.raises(PlannerError, match="agree"):
        services.post_create(collaborative=collab, author=enrollment.teacher, body="Hi")
    post = PostFactory(collaborative=collab, author=peer)
    with pytest.raises(PlannerError, match="agree"):
        services.reply_create(post=post, author=enrollment.teacher, body="Hi")
    services.collaborative_norms_agree(collaborative=collab, user=enrollment.teacher)
    assert services.post_create(collaborative=collab, author=enrollment.teacher, body="Hi").pk


def test_non_member_cannot_post(collab, other_teacher):
    with pytest.raises(PlannerError):
        services.post_create(collaborative=collab, author=other_teacher, body="Hi")


def test_invitations_only_for_enrolled_peers_once(collab, member, peer, cohort, other_teacher):
    with pytest.raises(PlannerError, match="not enrolled"):
        services.collaborative_invite(collaborative=collab, invitee=other_teacher, invited_by=member)
    with pytest.raises(PlannerError, match="already a member"):
        services.collaborative_invite(collaborative=collab, invitee=peer, invited_by=member)
    newcomer = EnrollmentFactory(cohort=cohort).teacher
    invitation = services.collaborative_invite(collaborative=collab, invitee=newcomer, invited_by=member)
    assert Notification.objects.filter(recipient=newcomer, message__contains="invited you").exists()
    with pytest.raises(PlannerError, match="already has an invitation"):
        services.collaborative_invite(collaborative=collab, invitee=newcomer, invited_by=member)
    with pytest.raises(PlannerError):
        services.collaborative_invitation_accept(invitation=invitation, user=peer)
    membership = services.collaborative_invitation_accept(invitation=invitation, user=newcomer)
    assert membership.has_agreed
    with pytest.raises(PlannerError):
        services.collaborative_invitation_accept(invitation=invitation, user=newcomer)


def test_outsider_cannot_invite(collab, cohort):
    stranger = EnrollmentFactory(cohort=cohort).teacher
    target = EnrollmentFactory(cohort=cohort).teacher
    with pytest.raises(PlannerError, match="Only members"):
        services.collaborative_invite(collaborative=collab, invitee=target, invited_by=stranger)


def test_decline(collab, member, cohort):
    newcomer = EnrollmentFactory(cohort=cohort).teacher
    invitation = services.collaborative_invite(collaborative=collab, invitee=newcomer, invited_by=member)
    services.collaborative_invitation_decline(invitation=invitation, user=newcomer)
    invitation.refresh_from_db()
    assert invitation.declined_at and not collab.memberships.filter(user=newcomer).exists()


def test_teacher_must_be_enrolled_to_start_one(other_cohort, teacher, enrollment):
    with pytest.raises(PlannerError):
        services.collaborative_create(cohort=other_cohort, created_by=teacher, name="X", norms="N")
    assert not Collaborative.objects.exists()


def test_instructor_cannot_assign_strangers(collab, instructor, other_teacher):
    with pytest.raises(PlannerError, match="not enrolled"):
        services.collaborative_members_add(collaborative=collab, users=[other_teacher], actor=instructor)


def test_prompt_only_by_the_cohorts_instructor(collab, member, other_instructor, instructor):
    with pytest.raises(PlannerError):
        services.collaborative_prompt_set(collaborative=collab, prompt="x", actor=other_instructor)
    services.collaborative_prompt_set(collaborative=collab, prompt="What surprised you?", actor=instructor)
    assert Notification.objects.filter(recipient=member, message__contains="prompt").exists()


def test_edit_window_for_posts_and_replies(collab, member, peer, settings):
    settings.COLLABORATIVE_EDIT_WINDOW = timedelta(minutes=10)
    post = PostFactory(collaborative=collab, author=member, created_at=timezone.now() - timedelta(minutes=9))
    services.post_edit(post=post, author=member, body="ok")
    post.created_at = timezone.now() - timedelta(minutes=11)
    with pytest.raises(PlannerError, match="10 minutes"):
        services.post_edit(post=post, author=member, body="late")
    with pytest.raises(PlannerError):
        services.post_edit(post=PostFactory(collaborative=collab, author=peer), author=member, body="not mine")
    reply = ReplyFactory(post=post, author=peer, created_at=timezone.now() - timedelta(minutes=11))
    with pytest.raises(PlannerError, match="10 minutes"):
        services.reply_edit(reply=reply, author=peer, body="late")


def test_default_edit_window_is_15_minutes(collab, member, settings):
    del settings.COLLABORATIVE_EDIT_WINDOW
    post = PostFactory(collaborative=collab, author=member, created_at=timezone.now() - timedelta(minutes=14))
    assert post.is_editable()
    post.created_at -= timedelta(minutes=2)
    assert not post.is_editable()


def test_restore_only_within_30_days(collab, member):
    post = PostFactory(collaborative=collab, author=member)
    services.post_delete(post=post, author=member)
    assert Post.objects.restorable().filter(pk=post.pk).exists()
    Post.objects.filter(pk=post.pk).update(deleted_at=timezone.now() - timedelta(days=30, minutes=1))
    post.refresh_from_db()
    assert not Post.objects.restorable().filter(pk=post.pk).exists()
    with pytest.raises(PlannerError, match="30 days"):
        services.post_restore(post=post, author=member)


def test_the_last_moment_of_the_window_counts_as_for_the_plan(collab, member, monkeypatch):
    # One restore window everywhere: a post deleted exactly 30 days ago can still be
    # restored, as a plan item can (partnerships/common/softdelete.py).
    now = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: now)
    post = PostFactory(collaborative=collab, author=member, deleted_at=now - timedelta(days=30))
    assert Post.objects.restorable().filter(pk=post.pk).exists()
    services.post_restore(post=post, author=member)
    post.refresh_from_db()
    assert post.deleted_at is None


def test_tag_counts_are_computed_by_the_database(collab, member, peer, django_assert_num_queries):
    posts = [PostFactory(collaborative=collab, author=member) for _ in range(3)]
    for tag, n in [("challenge", 2), ("question", 1), ("support", 3)]:
        for _ in range(n):
            ReplyFactory(post=posts[0], author=peer, tag=tag)
    ReplyFactory(post=posts[0], author=peer, tag="challenge", deleted_at=timezone.now())
    ReplyFactory(post=posts[1], author=peer, tag="idea")
    ReplyFactory(post=posts[1], author=peer, tag="")
    with django_assert_num_queries(1):
        annotated = {p.pk: p for p in Post.objects.with_tag_counts()}
        counts = {pk: [(tag, n) for tag, _label, n in p.tag_counts()] for pk, p in annotated.items()}
    assert counts[posts[0].pk] == [("challenge", 2), ("question", 1), ("idea", 0), ("support", 3)]
    assert counts[posts[1].pk] == [("challenge", 0), ("question", 0), ("idea", 1), ("support", 0)]
    assert annotated[posts[1].pk].reply_count == 2
    assert annotated[posts[2].pk].reply_count == 0


def test_report_notifies_instructors_only(collab, member, peer, instructor, other_instructor):
    post = PostFactory(collaborative=collab, author=member)
    services.post_report(post=post, reporter=peer, reason="Names a student")
    assert list(Notification.objects.values_list("recipient", flat=True)) == [instructor.pk]


# --- Sharing registry ---------------------------------------------------------------------------


def test_builtin_shareables_for_enrollment(enrollment, partnership, other_partnership):
    FocusArea.objects.create(partnership=partnership, title="Mine", need="A need", rationale="A reason")
    FocusArea.objects.create(partnership=other_partnership, title="Theirs", need="n")
    items = sharing.shareables_for(enrollment)
    kinds = {(i.kind, i.title) for i in items}
    assert ("focus-area", "Mine") in kinds and ("focus-area", "Theirs") not in kinds
    assert ("progress", "Where I am in the unit") in kinds
    focus = next(i for i in items if i.kind == "focus-area")
    assert "A need" in focus.text and "A reason" in focus.text
    assert sharing.find_shareable(enrollment, focus.choice_value) == focus
    assert sharing.find_shareable(enrollment, "focus-area|focus-area:999999") is None
    assert sharing.shareables_for(None) == []


def test_other_stages_can_register_a_provider(enrollment, collab, member):
    @sharing.shareable("plan-excerpt", label="Plan excerpt")
    def plan(enrollment_):
        return [("plan:1", "Goal", f"Raise reading by 10% ({enrollment_.pk})")]

    try:
        item = next(i for i in sharing.shareables_for(enrollment) if i.kind == "plan-excerpt")
        assert item.kind_label == "Plan excerpt"
        post = services.post_create(collaborative=collab, author=member, body="See", share=item.choice_value)
        assert (post.shared_kind, post.shared_title, post.shared_kind_label) == ("plan-excerpt", "Goal", "Plan excerpt")
    finally:
        sharing._providers.pop("plan-excerpt")


# --- Demo ----------------------------------------------------------------------------------------


def test_demo_collaborative_is_idempotent(db):
    from coursework.demo import seed

    seed()
    seed()
    collaborative = Collaborative.objects.get()
    assert collaborative.memberships.count() == 3
    assert collaborative.posts.count() == 2
    assert Reply.objects.filter(post__collaborative=collaborative).count() == 3
