"""Private work never reaches someone not entitled to it: not by email, not on the
pages instructors and administrators review (issue 8; pages in general are checked by
the permission matrix, which looks for the same canaries in every 200 it gets)."""

import pytest
from django.urls import reverse

from coursework.collaboratives.services import post_create
from coursework.feedback.services import feedback_add, reminders_send
from coursework.models import Collaborative
from coursework.stages.registry import STAGES
from partnerships.focus.services import choice_confirm, choice_propose, comment_add, focus_areas_share
from partnerships.models import Comment, FocusArea, User
from partnerships.notifications.services import send_digests
from tests.partnerships.factories import FocusAreaFactory
from tests.security.probe import leaked

pytestmark = pytest.mark.django_db


def _role_of(world, email):
    return next((role for role, user in world.users.items() if user and user.email == email), "anonymous")


def _share_and_choose(world):
    owner, administrator = world.users["owner"], world.users["administrator"]
    partnership = world.main.partnership
    newly = FocusAreaFactory(partnership=partnership, status=FocusArea.Status.DRAFT, title="Shared for review")
    focus_areas_share(partnership=partnership, actor=owner, focus_areas=[newly])
    newly.refresh_from_db()
    choice = choice_propose(focus_area=newly, actor=owner, rationale="It answers the district goal.")
    choice_confirm(choice=choice, actor=administrator)
    return newly


def _conversation(world, focus_area):
    main = world.main
    owner, administrator, instructor = world.users["owner"], world.users["administrator"], world.users["instructor"]
    question = comment_add(
        focus_area=focus_area, author=administrator, kind=Comment.Kind.QUESTION, body="Which students?"
    )
    comment_add(focus_area=focus_area, author=owner, kind=Comment.Kind.ANSWER, body="Grade 6.", parent=question)
    reminders_send(cohort=main.cohort, enrollments=[main.enrollment], stage="mindsets", sender=instructor)
    feedback_add(enrollment=main.enrollment, stage="mindsets", author=instructor, text="Add an example.")
    collaborative = Collaborative.objects.filter(memberships__user=owner).first()
    post_create(collaborative=collaborative, author=owner, body="What would you try first?")


def test_no_email_carries_private_work_to_anyone_not_entitled(
    world, mailoutbox, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        focus_area = _share_and_choose(world)
        _conversation(world, focus_area)
    run_tasks()
    User.objects.update(notification_preference=User.Notify.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        _conversation(world, focus_area)
        send_digests()
    run_tasks()

    assert len(mailoutbox) >= 10, [m.subject for m in mailoutbox]
    assert any("digest" in m.subject for m in mailoutbox)
    leaks = [
        (recipient, m.subject, found)
        for m in mailoutbox
        for recipient in m.to
        if (found := leaked(world, _role_of(world, recipient), f"{m.subject}\n{m.body}".encode()))
    ]
    assert not leaks


def test_canaries_are_planted_where_the_entitled_see_them(world, client):
    """The leak checks mean something only if the canaries show where they should."""
    client.force_login(world.users["owner"])
    page = client.get(reverse("coursework:stage", args=[world.main.enrollment.pk, "focus-areas"]))
    assert "CANARY-DRAFT-MAIN" in page.content.decode()
    page = client.get(reverse("partnerships:review", args=[world.main.partnership.pk]))
    assert "CANARY-DRAFTHISTORY-MAIN" in page.content.decode()
    client.force_login(world.users["instructor"])
    page = client.get(reverse("coursework:stage_review", args=[world.main.enrollment.pk, "mindsets"]))
    assert "CANARY-REFLECTION-MAIN" in page.content.decode()
    page = client.get(reverse("coursework:stage_review", args=[world.main.enrollment.pk, "focus-areas"]))
    assert "CANARY-EVIDENCE-MAIN" in page.content.decode()


@pytest.mark.parametrize("stage", [s.slug for s in STAGES])
def test_instructor_review_of_every_stage_shows_no_unshared_draft(world, client, stage):
    client.force_login(world.users["instructor"])
    response = client.get(reverse("coursework:stage_review", args=[world.main.enrollment.pk, stage]))
    assert response.status_code == 200
    assert leaked(world, "instructor", response.content) == []


def test_administrator_and_colleague_review_pages_show_no_unshared_draft(world, client):
    for role in ("administrator", "colleague"):
        client.force_login(world.users[role])
        for name in ("partnerships:review", "partnerships:detail", "partnerships:second_meeting"):
            response = client.get(reverse(name, args=[world.main.partnership.pk]))
            assert response.status_code == 200, (role, name)
            assert leaked(world, role, response.content) == [], (role, name)


def test_draft_wording_removed_before_sharing_stays_out_of_the_version_history(world, client):
    for role in ("administrator", "colleague", "instructor"):
        client.force_login(world.users[role])
        response = client.get(reverse("partnerships:review", args=[world.main.partnership.pk]))
        assert response.status_code == 200, role
        assert "Shared after a private draft" in response.content.decode(), role
        assert leaked(world, role, response.content) == [], role


def test_cited_evidence_shows_the_administrator_only_the_excerpt(world, client):
    for role in ("administrator", "colleague"):
        client.force_login(world.users[role])
        response = client.get(reverse("partnerships:review", args=[world.main.partnership.pk]))
        assert "Shown part of my notes." in response.content.decode(), role
        assert leaked(world, role, response.content) == [], role
