"""bench.generate fills every stage with coherent data: the pages open on it as people use them."""

import io

import pytest
from django.urls import reverse

from bench.generate import generate
from coursework import models as cw
from coursework.stages.registry import STAGES
from partnerships import models as pm

# Every kind of stage work the fillers promise.
MODELS = [
    cw.Prompt,
    cw.Reflection,
    cw.Reflection.history.model,
    cw.SelfAssessment,
    cw.Rating,
    cw.ChosenPractice,
    cw.ResearchSource,
    cw.StrategicGoal,
    pm.Meeting,
    pm.InterviewQuestion,
    pm.Opportunity,
    pm.FocusArea,
    pm.FocusArea.history.model,
    pm.FocusAreaEvidence,
    pm.Comment,
    pm.ReviewMeeting,
    pm.AgendaItem,
    pm.FocusAreaChoice,
    pm.ActionPlan,
    pm.ActionPlan.history.model,
    pm.Outcome,
    pm.Step,
    pm.Step.history.model,
    pm.Idea,
    pm.PlanComment,
    pm.Stakeholder,
    pm.ExternalPartner,
    pm.Agreement,
    pm.AgreementConfirmation,
    pm.TouchPoint,
    pm.OutcomeReading,
    cw.CourseEvaluation,
    cw.Feedback,
    cw.Collaborative,
    cw.CollaborativeMembership,
    cw.Post,
    cw.Reply,
]


@pytest.fixture
def generated(db):
    out = io.StringIO()
    result = generate(teachers=60, big_cohort=20, stdout=out)
    result["output"] = out.getvalue()
    return result


def test_every_kind_of_stage_work_is_created(generated):
    empty = [model.__name__ for model in MODELS if not model.objects.exists()]
    assert empty == []
    assert "rows of stage work" in generated["output"]
    assert "focus areas and evidence" in generated["output"]


def test_the_data_keeps_the_invariants_the_pages_rely_on(generated):
    S = pm.FocusArea.Status
    for plan in pm.ActionPlan.objects.select_related("focus_area"):
        assert plan.focus_area.status == S.SELECTED
        assert plan.focus_area.choices.filter(confirmed_at__isnull=False).count() == 1
    for partnership in pm.Partnership.objects.filter(focus_areas__status=S.SELECTED).distinct():
        shared = partnership.focus_areas.shared()
        assert 2 <= shared.count() <= 3
        assert set(shared.values_list("status", flat=True)) <= {S.SELECTED, S.SET_ASIDE}
    for area in pm.FocusArea.objects.filter(status=S.REVISED):
        assert area.version == 2
        assert pm.FocusArea.history.filter(id=area.pk, version=2).exists()
    for reflection in cw.Reflection.objects.all()[:50]:
        assert reflection.history.filter(version=reflection.version, text=reflection.text).exists()
    # Partnerships whose agreement both partners confirmed are committed (or further along).
    for agreement in pm.Agreement.objects.all():
        if agreement.confirmations.count() == 2:
            assert agreement.partnership.status in ("committed", "active", "reviewing")


def _ok(client, user, urls):
    client.force_login(user)
    answers = {url: client.get(url).status_code for url in urls}
    assert {url: code for url, code in answers.items() if code != 200} == {}


def test_pages_open_for_a_teacher_far_into_the_unit(client, generated):
    plan = pm.ActionPlan.objects.filter(partnership__touch_points__isnull=False).select_related("partnership").first()
    partnership = plan.partnership
    enrollment = cw.Enrollment.objects.get(partnership=partnership)
    reflection = cw.Reflection.objects.filter(enrollment=enrollment).first()
    collaborative = cw.Collaborative.objects.filter(memberships__user=enrollment.teacher).first()
    urls = [reverse("home"), reverse("partnerships:detail", args=[partnership.pk])]
    urls += [reverse("coursework:stage", args=[enrollment.pk, stage.slug]) for stage in STAGES]
    urls += [
        reverse(f"partnerships:{name}", args=[partnership.pk])
        for name in ("review", "second_meeting", "plan", "plan_history", "agreement", "stakeholders", "touch_points")
    ]
    urls.append(reverse("coursework:reflection_versions", args=[enrollment.pk, reflection.prompt_id]))
    if collaborative is not None:
        urls.append(reverse("coursework:collaborative_feed", args=[collaborative.pk]))
    _ok(client, enrollment.teacher, urls)


def test_pages_open_for_the_administrator(client, generated):
    partnership = pm.ActionPlan.objects.select_related("partnership").first().partnership
    admin = partnership.memberships.get(role="administrator").user
    urls = [reverse("home"), reverse("partnerships:detail", args=[partnership.pk])]
    urls += [reverse(f"partnerships:{name}", args=[partnership.pk]) for name in ("review", "second_meeting", "plan")]
    _ok(client, admin, urls)


def test_pages_open_for_a_teacher_in_review(client, generated):
    """A teacher whose focus areas are still under discussion: questions open, no choice yet."""
    area = pm.FocusArea.objects.in_review().order_by("-status", "pk").first()
    enrollment = cw.Enrollment.objects.get(partnership=area.partnership)
    urls = [reverse("partnerships:review", args=[area.partnership_id])]
    urls += [reverse("coursework:stage", args=[enrollment.pk, slug]) for slug in ("focus-areas", "second-meeting")]
    _ok(client, enrollment.teacher, urls)


def test_pages_open_for_the_instructor(client, generated):
    cohort = generated["cohorts"][0]
    instructor = cohort.instructors.first()
    enrollment = (
        cw.Enrollment.objects.filter(cohort=cohort, feedback__isnull=False).order_by("pk").first()
        or cohort.enrollments.first()
    )
    collaborative = cohort.collaboratives.first()
    urls = [
        reverse("home"),
        reverse("coursework:cohort_dashboard", args=[cohort.pk]),
        reverse("coursework:cohort_detail", args=[cohort.pk]),
        reverse("coursework:evaluation_results", args=[cohort.pk]),
        reverse("coursework:stage_review", args=[enrollment.pk, "mindsets"]),
        reverse("coursework:collaborative_feed", args=[collaborative.pk]),
    ]
    _ok(client, instructor, urls)
