"""`seed_demo`: a believable cohort, the fixed demo sign-ins, idempotent, never in production."""

from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from coursework.demo import DEMO_PASSWORD, at
from coursework.models import Cohort, Enrollment, Feedback, Practice, Reflection, SelfAssessment, StageProgress
from coursework.stages.checks import submit_check
from partnerships.models import ActionPlan, FocusArea, FocusAreaChoice, Membership, Notification, User
from tests.partnerships.factories import MeetingFactory

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["teacher@demo.test", "principal@demo.test", "instructor@demo.test"]


def counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"partnerships", "coursework"}
    }


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_demo_cohort_and_prints_the_sign_ins():
    output = seed()
    assert "Demo data is ready." in output
    assert f"password for all: {DEMO_PASSWORD}" in output
    for email in DEMO_LOGINS:
        assert email in output
        assert User.objects.get(email=email).check_password("partnership-demo")

    cohort = Cohort.objects.get()
    assert cohort.instructors.filter(email="instructor@demo.test").exists()
    assert Enrollment.objects.filter(cohort=cohort).count() >= 4
    # Teachers at different stages.
    done = {
        e.teacher.email: e.progress.filter(status=StageProgress.Status.COMPLETE).count()
        for e in Enrollment.objects.select_related("teacher")
    }
    assert len(set(done.values())) >= 3
    teacher = Enrollment.objects.get(teacher__email="teacher@demo.test")
    assert Membership.objects.filter(
        partnership=teacher.partnership, user__email="principal@demo.test", role=Membership.Role.ADMINISTRATOR
    ).exists()


def test_seed_demo_is_idempotent():
    seed()
    first = counts()
    output = seed()
    assert "Demo data was already there." in output
    assert counts() == first


def test_seed_demo_refuses_under_production_settings(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refuses to run with DJANGO_ENV=production"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("email", "expect"),
    [
        ("teacher@demo.test", "stages submitted"),
        ("principal@demo.test", "Partnerships you are part of"),
        ("instructor@demo.test", "Cohorts you teach"),
    ],
)
def test_each_demo_person_signs_in_and_sees_their_home_page(client, email, expect):
    seed()
    response = client.post(reverse("login"), {"username": email, "password": DEMO_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert expect in response.content.decode()


# The demo must only show states the product itself can reach -----------------------------

FINISHED = (StageProgress.Status.SUBMITTED, StageProgress.Status.COMPLETE)


def test_every_submitted_or_complete_stage_has_its_required_work():
    seed()
    finished = StageProgress.objects.filter(status__in=FINISHED).select_related("enrollment__cohort")
    assert finished.exists()
    for progress in finished:
        problem = submit_check(progress.stage, progress.enrollment)
        assert problem is None, f"{progress.enrollment.teacher_id} {progress.stage}: {problem}"
        assert progress.started_at and progress.submitted_at and progress.started_at <= progress.submitted_at


def test_every_complete_stage_was_submitted_then_reviewed_by_an_instructor():
    seed()
    for progress in StageProgress.objects.filter(status=StageProgress.Status.COMPLETE):
        assert progress.reviewed_at is not None and progress.submitted_at <= progress.reviewed_at
        assert Feedback.objects.filter(
            enrollment=progress.enrollment, stage=progress.stage, decision=Feedback.Decision.COMPLETE
        ).exists()


def test_a_submitted_self_reflection_has_every_practice_rated():
    seed()
    submitted = StageProgress.objects.filter(stage="self-reflection", status__in=FINISHED)
    assert submitted.exists()
    for progress in submitted:
        assessment = SelfAssessment.objects.get(enrollment=progress.enrollment)
        practices = Practice.objects.filter(domain__framework=assessment.framework).count()
        rated = assessment.ratings.filter(level__isnull=False).count()
        assert rated == practices > 0


def test_a_selected_focus_area_was_shared_proposed_and_confirmed_by_both_parties():
    seed()
    selected = FocusArea.objects.filter(status=FocusArea.Status.SELECTED)
    assert selected.exists()
    for focus_area in selected:
        assert focus_area.shared_at is not None
        choice = FocusAreaChoice.objects.get(focus_area=focus_area, confirmed_at__isnull=False)
        assert choice.proposed_by_id != choice.confirmed_by_id
        assert focus_area.shared_at <= choice.proposed_at <= choice.confirmed_at
    # A plan only ever starts from a selected focus area.
    for plan in ActionPlan.objects.all():
        assert plan.focus_area.status == FocusArea.Status.SELECTED


def test_some_teacher_has_focus_areas_shared_and_awaiting_the_administrator():
    seed()
    waiting = FocusArea.objects.filter(status=FocusArea.Status.SHARED).values_list("partnership", flat=True)
    assert waiting
    assert not FocusAreaChoice.objects.filter(partnership__in=waiting).exists()


def test_last_activity_is_spread_over_the_past_and_nothing_is_dated_in_the_future():
    seed()
    now = timezone.now()
    activity = list(Enrollment.objects.values_list("last_activity_at", flat=True))
    assert None not in activity
    assert len(set(activity)) == len(activity)
    assert max(activity) <= now
    assert now - min(activity) > timedelta(days=3)
    for model, field in [
        (StageProgress, "submitted_at"),
        (StageProgress, "reviewed_at"),
        (Reflection, "updated_at"),
        (FocusArea, "shared_at"),
        (Feedback, "created_at"),
        (Notification, "created_at"),
    ]:
        stamps = [s for s in model.objects.values_list(field, flat=True) if s is not None]
        assert stamps, f"{model.__name__}.{field}"
        assert max(stamps) <= now, f"{model.__name__}.{field} is in the future"
        assert len(set(stamps)) > 1, f"every {model.__name__}.{field} is the same moment"


def test_seed_demo_sends_no_email(mailoutbox):
    seed()
    assert mailoutbox == []


def test_at_dates_what_a_step_wrote_and_leaves_times_a_person_typed_alone():
    before = MeetingFactory()
    moment = timezone.now() - timedelta(days=10)
    typed = timezone.now() + timedelta(days=3)
    with at(moment):
        meeting = MeetingFactory(starts_at=typed)
    meeting.refresh_from_db()
    assert meeting.created_at == meeting.updated_at == moment
    assert meeting.starts_at == typed
    assert meeting.history.get().history_date == moment
    before.refresh_from_db()
    assert before.created_at > moment


def test_at_refuses_a_moment_in_the_future():
    with pytest.raises(ValueError, match="only tells the past"), at(timezone.now() + timedelta(hours=1)):
        pass
