"""Collaboratives through the browser-facing views: who may reach what, and the pages."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coursework.models import Collaborative, CollaborativeMembership, Post, Reply, Report
from partnerships.models import FocusArea, Notification
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
    return CollaborativeFactory(cohort=cohort, created_by=instructor, name="Library leaders")


@pytest.fixture
def member(collab, enrollment):
    CollaborativeMembershipFactory(collaborative=collab, user=enrollment.teacher)
    return enrollment.teacher


@pytest.fixture
def peer(collab, cohort):
    person = EnrollmentFactory(cohort=cohort, teacher=UserFactory(first_name="Pia", last_name="Peer")).teacher
    CollaborativeMembershipFactory(collaborative=collab, user=person)
    return person


@pytest.fixture
def classmate(cohort):
    """Enrolled in the same cohort but not in the collaborative."""
    return EnrollmentFactory(cohort=cohort, teacher=UserFactory(first_name="Cleo")).teacher


@pytest.fixture
def post(collab, member):
    return PostFactory(collaborative=collab, author=member, body="My first reflection")


@pytest.fixture
def reply(post, peer):
    return ReplyFactory(post=post, author=peer, body="Have you asked the principal?", tag="question")


@pytest.fixture
def report(post, peer):
    return Report.objects.create(post=post, reporter=peer, reason="Names a student")


# --- Permissions --------------------------------------------------------------------------

# (url name, which object the URL takes, method)
MEMBER_ONLY = [
    ("coursework:collaborative_post_create", "collab", "post"),
    ("coursework:collaborative_reply", "post", "post"),
    ("coursework:collaborative_export", "collab", "get"),
    ("coursework:collaborative_deleted", "collab", "get"),
    ("coursework:collaborative_agree", "collab", "post"),
    ("coursework:collaborative_post_report", "post", "get"),
    ("coursework:collaborative_post_report", "post", "post"),
]
AUTHOR_ONLY = [
    ("coursework:collaborative_post_edit", "post", "get"),
    ("coursework:collaborative_post_edit", "post", "post"),
    ("coursework:collaborative_post_delete", "post", "post"),
    ("coursework:collaborative_post_restore", "deleted_post", "post"),
    ("coursework:collaborative_reply_edit", "reply", "get"),
    ("coursework:collaborative_reply_delete", "reply", "post"),
    ("coursework:collaborative_reply_restore", "deleted_reply", "post"),
]
READERS = [
    ("coursework:collaborative_feed", "collab", "get"),
    ("coursework:collaborative_post", "post", "get"),
    ("coursework:collaborative_members", "collab", "get"),
]
INSTRUCTOR_ONLY = [
    ("coursework:collaborative_reports", "collab", "get"),
    ("coursework:collaborative_prompt", "collab", "post"),
    ("coursework:collaborative_report_handle", "report", "post"),
]
EVERY = MEMBER_ONLY + AUTHOR_ONLY + READERS + INSTRUCTOR_ONLY

POST_DATA = {"body": "Hello", "tag": "idea", "reason": "x", "agree": "on", "prompt": "p", "link_url": ""}


@pytest.fixture
def objects(collab, post, reply, report, member, peer):
    deleted_post = PostFactory(collaborative=collab, author=member, deleted_at=timezone.now())
    deleted_reply = ReplyFactory(post=post, author=peer, deleted_at=timezone.now())
    return {
        "collab": collab,
        "post": post,
        "reply": reply,
        "report": report,
        "deleted_post": deleted_post,
        "deleted_reply": deleted_reply,
    }


def _call(client, name, obj, method):
    url = reverse(name, args=[obj.pk])
    return client.post(url, POST_DATA) if method == "post" else client.get(url)


@pytest.mark.parametrize("name,target,method", EVERY)
@pytest.mark.parametrize("who", ["classmate", "other_teacher", "other_instructor", "administrator"])
def test_outsiders_get_404_everywhere(request, client_for, objects, name, target, method, who):
    outsider = request.getfixturevalue(who)
    response = _call(client_for(outsider), name, objects[target], method)
    assert response.status_code == 404


@pytest.mark.parametrize("name,target,method", EVERY)
def test_anonymous_is_sent_to_sign_in(client, objects, name, target, method):
    response = _call(client, name, objects[target], method)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name,target,method", AUTHOR_ONLY)
def test_other_members_cannot_touch_someone_elses_writing(client_for, objects, member, peer, name, target, method):
    author = peer if "reply" in target else member
    someone_else = member if author == peer else peer
    assert _call(client_for(someone_else), name, objects[target], method).status_code == 404
    assert _call(client_for(author), name, objects[target], method).status_code in (200, 302)


@pytest.mark.parametrize("name,target,method", MEMBER_ONLY)
def test_cohort_instructor_reads_but_does_not_write_as_member(client_for, instructor, objects, name, target, method):
    assert _call(client_for(instructor), name, objects[target], method).status_code == 404


@pytest.mark.parametrize("name,target,method", READERS + INSTRUCTOR_ONLY)
def test_cohort_instructor_reads_and_moderates(client_for, instructor, objects, name, target, method):
    assert _call(client_for(instructor), name, objects[target], method).status_code in (200, 302)


@pytest.mark.parametrize("name,target,method", INSTRUCTOR_ONLY)
def test_members_cannot_moderate(client_for, member, objects, name, target, method):
    assert _call(client_for(member), name, objects[target], method).status_code == 404


# --- Norms, posting, sharing ----------------------------------------------------------------


def test_feed_shows_norms_and_asks_a_new_member_to_agree(client_for, collab, enrollment):
    CollaborativeMembershipFactory(collaborative=collab, user=enrollment.teacher, agreed_to_norms_at=None)
    client = client_for(enrollment.teacher)
    page = client.get(collab.get_absolute_url()).content.decode()
    assert "Our norms" in page and "Challenge ideas, not people" in page
    assert "Agree and join in" in page and "Share a reflection" not in page

    refused = client.post(
        reverse("coursework:collaborative_post_create", args=[collab.pk]), {"body": "Hi"}, follow=True
    )
    assert "agree to the group’s norms before you post" in refused.content.decode()
    assert not Post.objects.exists()

    missing = client.post(reverse("coursework:collaborative_agree", args=[collab.pk]), {})
    assert missing.status_code == 400 and "Tick the box" in missing.content.decode()

    client.post(reverse("coursework:collaborative_agree", args=[collab.pk]), {"agree": "on"})
    assert CollaborativeMembership.objects.get(user=enrollment.teacher).agreed_to_norms_at is not None
    assert "Share a reflection" in client.get(collab.get_absolute_url()).content.decode()


def test_post_with_shared_focus_area_is_a_snapshot(client_for, collab, member, partnership, peer):
    area = FocusArea.objects.create(
        partnership=partnership, title="Reading culture", need="Students read less", rationale="Library data"
    )
    client = client_for(member)
    feed = client.get(collab.get_absolute_url()).content.decode()
    assert f"focus-area|focus-area:{area.pk}" in feed
    response = client.post(
        reverse("coursework:collaborative_post_create", args=[collab.pk]),
        {"body": "What do you think?", "link_url": "https://video.test/1", "share": f"focus-area|focus-area:{area.pk}"},
    )
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()
    assert (post.shared_kind, post.shared_title) == ("focus-area", "Reading culture")
    assert "Students read less" in post.shared_text and "Library data" in post.shared_text
    area.title = "Changed later"
    area.save()
    page = client_for(peer).get(post.get_absolute_url()).content.decode()
    assert "Reading culture" in page and "Changed later" not in page


def test_cannot_share_someone_elses_work(client_for, collab, member, peer):
    theirs = FocusArea.objects.create(
        partnership=peer.enrollments.get().partnership, title="Secret", need="n", rationale=""
    )
    response = client_for(member).post(
        reverse("coursework:collaborative_post_create", args=[collab.pk]),
        {"body": "Look", "share": f"focus-area|focus-area:{theirs.pk}"},
    )
    assert response.status_code == 400
    assert not Post.objects.exists()


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,hi", "ftp://files.test/x", "not a url"])
def test_link_must_be_http(client_for, collab, member, link):
    response = client_for(member).post(
        reverse("coursework:collaborative_post_create", args=[collab.pk]), {"body": "Keep this text", "link_url": link}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "starting with http:// or https://" in page and "Keep this text" in page
    assert not Post.objects.exists()


def test_hostile_post_body_is_rendered_inert(client_for, collab, member):
    client = client_for(member)
    client.post(
        reverse("coursework:collaborative_post_create", args=[collab.pk]),
        {"body": "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"},
    )
    page = client.get(collab.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page and 'href="javascript' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_reply_with_tag_and_counts(client_for, collab, post, member, peer, classmate):
    ReplyFactory(post=post, author=member, tag="support")
    ReplyFactory(post=post, author=member, tag="challenge", deleted_at=timezone.now())
    response = client_for(peer).post(
        reverse("coursework:collaborative_reply", args=[post.pk]), {"body": "Why that one?", "tag": "challenge"}
    )
    assert response.status_code == 302
    page = client_for(member).get(collab.get_absolute_url()).content.decode()
    assert "Challenge: <strong>1</strong>" in page
    assert "Support: <strong>1</strong>" in page
    assert "Question: <strong>0</strong>" in page


def test_reply_before_agreeing_explains(client_for, collab, post, enrollment, member):
    newcomer = EnrollmentFactory(cohort=collab.cohort).teacher
    CollaborativeMembershipFactory(collaborative=collab, user=newcomer, agreed_to_norms_at=None)
    response = client_for(newcomer).post(
        reverse("coursework:collaborative_reply", args=[post.pk]), {"body": "Hi"}, follow=True
    )
    assert "agree to the group’s norms before you reply" in response.content.decode()
    assert not Reply.objects.exists()


def test_empty_reply_keeps_tag_and_explains(client_for, post, peer):
    response = client_for(peer).post(
        reverse("coursework:collaborative_reply", args=[post.pk]), {"body": "  ", "tag": "idea"}
    )
    assert response.status_code == 400
    assert "Write something before replying" in response.content.decode()
    assert not Reply.objects.exists()


# --- Edit window, delete, restore ------------------------------------------------------------


def test_author_edits_within_window(client_for, post, member):
    client = client_for(member)
    url = reverse("coursework:collaborative_post_edit", args=[post.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"body": "Better words", "link_url": ""})
    post.refresh_from_db()
    assert post.body == "Better words" and post.edited_at is not None


def test_edit_after_window_is_refused_with_a_clear_message(client_for, post, member, settings):
    settings.COLLABORATIVE_EDIT_WINDOW = timedelta(minutes=5)
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - timedelta(minutes=6))
    client = client_for(member)
    url = reverse("coursework:collaborative_post_edit", args=[post.pk])
    response = client.post(url, {"body": "Too late but typed", "link_url": ""})
    post.refresh_from_db()
    assert post.body == "My first reflection"
    page = response.content.decode()
    assert response.status_code == 400
    assert "can be edited for 5 minutes" in page and "Too late but typed" in page  # nothing typed is lost
    opened = client.get(url, follow=True).content.decode()
    assert "The time for editing this post has passed" in opened


def test_delete_restore_and_recently_deleted(client_for, collab, post, member, peer):
    client = client_for(member)
    client.post(reverse("coursework:collaborative_post_delete", args=[post.pk]))
    assert "My first reflection" not in client_for(peer).get(collab.get_absolute_url()).content.decode()
    assert client_for(peer).get(post.get_absolute_url()).status_code == 404
    deleted = client.get(reverse("coursework:collaborative_deleted", args=[collab.pk])).content.decode()
    assert "My first reflection" in deleted
    client.post(reverse("coursework:collaborative_post_restore", args=[post.pk]))
    assert "My first reflection" in client_for(peer).get(collab.get_absolute_url()).content.decode()


def test_deleted_posts_older_than_30_days_are_gone(client_for, collab, post, member):
    Post.objects.filter(pk=post.pk).update(deleted_at=timezone.now() - timedelta(days=31))
    client = client_for(member)
    assert (
        "My first reflection"
        not in client.get(reverse("coursework:collaborative_deleted", args=[collab.pk])).content.decode()
    )
    assert client.post(reverse("coursework:collaborative_post_restore", args=[post.pk])).status_code == 404


def test_reply_delete_and_restore(client_for, collab, post, reply, peer):
    client = client_for(peer)
    client.post(reverse("coursework:collaborative_reply_delete", args=[reply.pk]))
    assert "Have you asked the principal?" not in client.get(post.get_absolute_url()).content.decode()
    client.post(reverse("coursework:collaborative_reply_restore", args=[reply.pk]))
    assert "Have you asked the principal?" in client.get(post.get_absolute_url()).content.decode()


# --- Reports and prompt --------------------------------------------------------------------


def test_member_reports_and_instructor_handles(client_for, collab, post, peer, instructor):
    client_for(peer).post(reverse("coursework:collaborative_post_report", args=[post.pk]), {"reason": "Names a pupil"})
    assert Notification.objects.filter(recipient=instructor, message__contains="reported").exists()
    page = client_for(instructor).get(reverse("coursework:collaborative_reports", args=[collab.pk])).content.decode()
    assert "Names a pupil" in page and "Open" in page
    report = Report.objects.get()
    client_for(instructor).post(reverse("coursework:collaborative_report_handle", args=[report.pk]))
    report.refresh_from_db()
    assert report.handled_at is not None and report.handled_by == instructor


def test_instructor_sees_the_number_of_open_reports(client_for, collab, post, peer, instructor):
    client = client_for(instructor)
    assert "Reports</a>" in client.get(collab.get_absolute_url()).content.decode()
    Report.objects.create(post=post, reporter=peer, reason="a")
    Report.objects.create(post=post, reporter=peer, reason="b", handled_at=timezone.now())
    assert "Reports (1 open)" in client.get(collab.get_absolute_url()).content.decode()


def test_instructor_sets_prompt_members_see_it(client_for, collab, member, instructor):
    client_for(instructor).post(
        reverse("coursework:collaborative_prompt", args=[collab.pk]), {"prompt": "What surprised you?"}
    )
    collab.refresh_from_db()
    assert collab.prompt_set_at is not None
    assert "What surprised you?" in client_for(member).get(collab.get_absolute_url()).content.decode()


# --- Creating, inviting, home ------------------------------------------------------------------


def test_instructor_creates_and_assigns(client_for, cohort, instructor, enrollment, classmate, other_teacher):
    url = reverse("coursework:collaborative_create", args=[cohort.pk])
    client = client_for(instructor)
    assert client.get(url).status_code == 200
    bad = client.post(url, {"name": "G", "norms": "Be kind", "members": [other_teacher.pk]})
    assert bad.status_code == 400 and not Collaborative.objects.exists()
    client.post(url, {"name": "G", "norms": "Be kind", "members": [enrollment.teacher.pk, classmate.pk]})
    collaborative = Collaborative.objects.get()
    members = set(collaborative.memberships.values_list("user_id", "agreed_to_norms_at"))
    assert members == {(enrollment.teacher.pk, None), (classmate.pk, None)}


def test_teacher_starts_one_and_peer_accepts_from_home(client_for, cohort, enrollment, classmate):
    client = client_for(enrollment.teacher)
    client.post(
        reverse("coursework:collaborative_create", args=[cohort.pk]),
        {"name": "Our group", "norms": "Be kind", "members": [classmate.pk]},
    )
    collaborative = Collaborative.objects.get()
    assert collaborative.memberships.get().user == enrollment.teacher
    invitation = collaborative.invitations.get()
    peer_client = client_for(classmate)
    home = peer_client.get(reverse("home")).content.decode()
    assert "Join Our group" in home
    assert peer_client.get(collaborative.get_absolute_url()).status_code == 404
    url = reverse("coursework:collaborative_invitation", args=[invitation.pk])
    assert "Be kind" in peer_client.get(url).content.decode()
    assert peer_client.post(url, {}).status_code == 400
    peer_client.post(url, {"agree": "on"})
    assert collaborative.memberships.get(user=classmate).has_agreed
    assert "Our group" in peer_client.get(reverse("home")).content.decode()
    assert peer_client.get(collaborative.get_absolute_url()).status_code == 200


def test_teacher_cannot_start_in_another_cohort(client_for, other_cohort, enrollment):
    url = reverse("coursework:collaborative_create", args=[other_cohort.pk])
    assert client_for(enrollment.teacher).get(url).status_code == 404


def test_invitation_of_someone_else_is_404(client_for, collab, member, classmate, peer):
    client_for(member).post(reverse("coursework:collaborative_members", args=[collab.pk]), {"people": [classmate.pk]})
    invitation = collab.invitations.get()
    assert invitation.invitee == classmate
    assert client_for(peer).get(reverse("coursework:collaborative_invitation", args=[invitation.pk])).status_code == 404


def test_members_can_only_invite_cohort_peers(client_for, collab, member, other_teacher):
    response = client_for(member).post(
        reverse("coursework:collaborative_members", args=[collab.pk]), {"people": [other_teacher.pk]}
    )
    assert response.status_code == 400
    assert not collab.invitations.exists()


# --- Notifications ----------------------------------------------------------------------------


def test_new_post_notifies_other_members_and_reply_notifies_author(
    client_for, collab, member, peer, instructor, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client_for(member).post(reverse("coursework:collaborative_post_create", args=[collab.pk]), {"body": "Hi all"})
    assert list(Notification.objects.values_list("recipient", flat=True)) == [peer.pk]
    post = Post.objects.get()
    client_for(peer).post(
        reverse("coursework:collaborative_reply", args=[post.pk]), {"body": "Why?", "tag": "challenge"}
    )
    note = Notification.objects.get(recipient=member)
    assert "replied (challenge)" in note.message and note.url == post.get_absolute_url()
    client_for(member).post(reverse("coursework:collaborative_reply", args=[post.pk]), {"body": "Because"})
    assert Notification.objects.filter(recipient=member).count() == 1  # no note for replying to yourself


# --- Export -----------------------------------------------------------------------------------


def test_export_contains_only_own_content(client_for, collab, post, reply, member, peer):
    own_reply = ReplyFactory(post=post, author=member, body="My own reply", tag="")
    PostFactory(collaborative=collab, author=peer, body="Peer's post")
    gone = PostFactory(
        collaborative=collab, author=member, body="Long gone", deleted_at=timezone.now() - timedelta(days=40)
    )
    other = CollaborativeFactory(cohort=collab.cohort)
    CollaborativeMembershipFactory(collaborative=other, user=member)
    PostFactory(collaborative=other, author=member, body="Other group")
    response = client_for(member).get(reverse("coursework:collaborative_export", args=[collab.pk]))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["collaborative"]["id"] == collab.pk
    assert data["member"]["email"] == member.email
    assert [p["body"] for p in data["posts"]] == ["My first reflection"]
    assert [r["id"] for r in data["replies"]] == [own_reply.pk]
    assert gone.pk not in [p["id"] for p in data["posts"]]
    assert "Peer's post" not in response.content.decode() and reply.body not in response.content.decode()


# --- Query guards -----------------------------------------------------------------------------


def _fill(collab, authors, n):
    for i in range(n):
        post = PostFactory(
            collaborative=collab,
            author=authors[i % 2],
            body=f"Post **{i}**",
            shared_title="t",
            shared_kind="focus-area",
            shared_text="x",
        )
        for j, tag in enumerate(["challenge", "question", "support"]):
            ReplyFactory(post=post, author=authors[(i + j) % 2], tag=tag)


@pytest.mark.parametrize("size", [3, 30])
def test_feed_query_budget(client_for, collab, member, peer, partnership, django_assert_max_num_queries, size):
    FocusArea.objects.create(partnership=partnership, title="Area", need="n")
    _fill(collab, [member, peer], size)
    client = client_for(member)
    with django_assert_max_num_queries(15):
        response = client.get(collab.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="collab-post') == min(size, 20)


@pytest.mark.parametrize("size", [3, 30])
def test_instructor_feed_query_budget(
    client_for, collab, member, peer, instructor, django_assert_max_num_queries, size
):
    _fill(collab, [member, peer], size)
    client = client_for(instructor)
    with django_assert_max_num_queries(13):
        assert client.get(collab.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_post_page_query_budget(client_for, collab, member, peer, django_assert_max_num_queries, size):
    post = PostFactory(collaborative=collab, author=member)
    for i in range(size):
        ReplyFactory(post=post, author=[member, peer][i % 2], tag="idea")
    client = client_for(peer)
    with django_assert_max_num_queries(9):
        assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_home_section_query_budget(client_for, cohort, enrollment, django_assert_max_num_queries, size):
    teacher = enrollment.teacher
    for i in range(size):
        c = CollaborativeFactory(cohort=cohort)
        CollaborativeMembershipFactory(collaborative=c, user=teacher)
    client = client_for(teacher)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("home")).content.decode()
    assert page.count("Thought partners") == size


def test_feed_paginates(client_for, collab, member, peer):
    _fill(collab, [member, peer], 25)
    client = client_for(member)
    assert "Page 1 of 2" in client.get(collab.get_absolute_url()).content.decode()
    second = client.get(collab.get_absolute_url() + "?page=2").content.decode()
    assert second.count('class="collab-post') == 5
    assert client.get(collab.get_absolute_url() + "?page=zzz").status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_list_pages_query_budgets(
    client_for, cohort, collab, member, peer, instructor, django_assert_max_num_queries, size
):
    for i in range(size):
        CollaborativeMembershipFactory(collaborative=CollaborativeFactory(cohort=cohort), user=member)
        CollaborativeMembershipFactory(
            collaborative=collab, user=EnrollmentFactory(cohort=cohort).teacher, agreed_to_norms_at=None
        )
        post = PostFactory(collaborative=collab, author=member, deleted_at=timezone.now())
        ReplyFactory(post=post, author=member, deleted_at=timezone.now())
        Report.objects.create(post=PostFactory(collaborative=collab, author=peer), reporter=member, reason=f"r{i}")
    teacher, teacher_instructor = client_for(member), client_for(instructor)
    pages = [
        (teacher, reverse("coursework:collaborative_list"), 9),
        (teacher, reverse("coursework:collaborative_members", args=[collab.pk]), 8),
        (teacher, reverse("coursework:collaborative_deleted", args=[collab.pk]), 5),
        (teacher_instructor, reverse("coursework:collaborative_reports", args=[collab.pk]), 7),
    ]
    for client, url, budget in pages:
        with django_assert_max_num_queries(budget, info=url):
            assert client.get(url).status_code == 200
