"""Stage 3 plugs in here: its work area, its minimum work and the goals it offers as evidence."""

from coursework.models import ResearchSource, StrategicGoal
from coursework.research.forms import ResearchSourceForm, StrategicGoalForm
from coursework.research.services import STAGE
from coursework.stages import evidence
from coursework.stages.checks import submit_requirement
from coursework.stages.views import bound_form
from coursework.stages.work import stage_work

MIN_SOURCES, MIN_GOALS = 2, 1


def goals_by_level(goals):
    groups = {level: [] for level, _ in StrategicGoal.Level.choices}
    for goal in goals:
        groups[goal.level].append(goal)
    return [(StrategicGoal.Level(level).label, level, items) for level, items in groups.items()]


@stage_work(STAGE)
def research_work(request, enrollment, *, read_only):
    sources_qs = ResearchSource.objects.filter(enrollment=enrollment)
    sources = list(sources_qs)
    goals = list(StrategicGoal.objects.filter(enrollment=enrollment).select_related("source"))
    goal_form = bound_form(request, "goal") or StrategicGoalForm(sources=sources_qs)
    goal_form.fields["source"].queryset = sources_qs
    return {
        "template": "coursework/stages/research.html",
        "read_only": read_only,
        "sources": sources,
        "goal_groups": goals_by_level(goals),
        "goal_count": len(goals),
        "source_form": bound_form(request, "source") or ResearchSourceForm(),
        "goal_form": goal_form,
    }


@submit_requirement(STAGE)
def research_ready(enrollment):
    sources = ResearchSource.objects.filter(enrollment=enrollment).count()
    goals = StrategicGoal.objects.filter(enrollment=enrollment).count()
    if sources < MIN_SOURCES or goals < MIN_GOALS:
        return (
            f"Before marking this stage ready, add at least {MIN_SOURCES} sources and {MIN_GOALS} goal "
            f"(you have {sources} sources and {goals} goals)."
        )
    return None


@evidence.register_evidence
def research_evidence(enrollment):
    goals = StrategicGoal.objects.filter(enrollment=enrollment).select_related("source")
    return [
        evidence.EvidenceItem(
            kind=evidence.GOAL,
            ref=f"goal:{goal.pk}",
            source=goal.source.title if goal.source else f"{goal.get_level_display()} goal",
            text=goal.statement,
        )
        for goal in goals
    ]
