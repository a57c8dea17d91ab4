"""The teacher's course portfolio: every stage's work, read in a fixed number of queries.

It is the teacher's own record (and what their instructor reads), so it carries the full
private text; it is never offered to the administrator or colleagues (see
docs/ARCHITECTURE.md, "Who may see what").
"""

from django.db.models import Prefetch

from coursework.courses.models import StageProgress
from coursework.feedback.models import Feedback
from coursework.reflections.models import Reflection
from coursework.research.models import ResearchSource, StrategicGoal
from coursework.selfassessment.models import ChosenPractice, Rating, SelfAssessment
from coursework.stages.registry import STAGES


def _reflections_by_stage(enrollment):
    grouped = {}
    rows = (
        Reflection.objects.filter(enrollment=enrollment)
        .select_related("prompt")
        .order_by("prompt__stage", "prompt__position", "prompt_id")
    )
    for reflection in rows:
        grouped.setdefault(reflection.prompt.stage, []).append(reflection)
    return grouped


def _self_assessment(enrollment):
    assessment = SelfAssessment.objects.filter(enrollment=enrollment).select_related("framework").first()
    if assessment is None:
        return None
    ratings = list(
        Rating.objects.filter(self_assessment=assessment)
        .select_related("practice__domain", "level")
        .order_by("practice__domain__position", "practice__position")
    )
    domains = []
    for rating in ratings:
        domain = rating.practice.domain
        if not domains or domains[-1]["domain"].pk != domain.pk:
            domains.append({"domain": domain, "ratings": []})
        domains[-1]["ratings"].append(rating)
    choices = list(
        ChosenPractice.objects.filter(self_assessment=assessment).select_related("practice").order_by("kind", "id")
    )
    return {
        "assessment": assessment,
        "domains": domains,
        "strengths": [c for c in choices if c.kind == ChosenPractice.Kind.STRENGTH],
        "growth_areas": [c for c in choices if c.kind == ChosenPractice.Kind.GROWTH_AREA],
    }


def _research(enrollment):
    sources = list(ResearchSource.objects.filter(enrollment=enrollment).order_by("-published_on", "id"))
    goals = list(StrategicGoal.objects.filter(enrollment=enrollment).select_related("source").order_by("level", "id"))
    return {"sources": sources, "goals": goals}


def _partnership_work(partnership):
    """Stages 4 to 7 live on the partnership; read them through partnerships' own selectors."""
    if partnership is None:
        return {}
    from partnerships.export.selectors import plan_document
    from partnerships.meetings.services import first_interview_for
    from partnerships.models import ActionPlan, FocusArea, FocusAreaChoice, FocusAreaEvidence

    interview = first_interview_for(partnership)
    questions = list(interview.questions.order_by("position")) if interview else []
    opportunities = list(interview.opportunities.order_by("position")) if interview else []
    focus_areas = list(
        FocusArea.objects.filter(partnership=partnership)
        .prefetch_related(Prefetch("evidence", queryset=FocusAreaEvidence.objects.order_by("kind", "id")))
        .order_by("created_at", "id")
    )
    choice = (
        FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False)
        .select_related("focus_area", "proposed_by", "confirmed_by")
        .order_by("-confirmed_at")
        .first()
    )
    plan = ActionPlan.objects.alive().filter(partnership=partnership).select_related("focus_area").first()
    return {
        "interview": interview,
        "questions": questions,
        "opportunities": opportunities,
        "focus_areas": focus_areas,
        "choice": choice,
        "plan_document": plan_document(partnership, plan) if plan else None,
    }


def portfolio_for(enrollment):
    """Everything the portfolio document shows, stage by stage."""
    progress = {p.stage: p for p in StageProgress.objects.filter(enrollment=enrollment)}
    reflections = _reflections_by_stage(enrollment)
    feedback = {}
    for item in Feedback.objects.filter(enrollment=enrollment).select_related("author").order_by("created_at"):
        feedback.setdefault(item.stage, []).append(item)
    stages = [
        {
            "stage": stage,
            "progress": progress.get(stage.slug),
            "reflections": reflections.get(stage.slug, []),
            "feedback": feedback.get(stage.slug, []),
        }
        for stage in STAGES
    ]
    return {
        "enrollment": enrollment,
        "teacher": enrollment.teacher,
        "cohort": enrollment.cohort,
        "partnership": enrollment.partnership,
        "stages": stages,
        "self_assessment": _self_assessment(enrollment),
        "research": _research(enrollment),
        **_partnership_work(enrollment.partnership),
    }
