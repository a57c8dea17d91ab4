"""Stage 7 (`action-plan`): the work area shows the plan summary and links to the plan."""

from django.utils import timezone

from coursework.stages.checks import submit_requirement
from coursework.stages.work import stage_work
from partnerships.models import ActionPlan, Outcome, Step, TouchPoint
from partnerships.plan.selectors import selected_focus_area


def _plan(enrollment):
    if not enrollment.partnership_id:
        return None
    return (
        ActionPlan.objects.alive().filter(partnership_id=enrollment.partnership_id).select_related("focus_area").first()
    )


def plan_summary(plan):
    outcomes = list(Outcome.objects.alive().filter(plan=plan).values_list("measure", "target"))
    today = timezone.localdate()
    steps = Step.objects.alive().filter(plan=plan)
    return {
        "outcomes": len(outcomes),
        "measurable": sum(1 for measure, target in outcomes if measure.strip() and target is not None),
        "steps": steps.count(),
        "overdue": steps.filter(due_date__lt=today).exclude(status=Step.Status.DONE).count(),
        "touch_points": TouchPoint.objects.alive().filter(partnership_id=plan.partnership_id).count(),
    }


@stage_work("action-plan")
def action_plan_work(request, enrollment, *, read_only):
    plan = _plan(enrollment)
    context = {"template": "partnerships/plan/stage_work.html", "plan": plan, "read_only": read_only}
    if plan is not None:
        context["plan_summary"] = plan_summary(plan)
    elif enrollment.partnership_id:
        context["focus_area"] = selected_focus_area(enrollment.partnership)
    return context


@submit_requirement("action-plan")
def action_plan_ready(enrollment):
    plan = _plan(enrollment)
    if plan is None:
        return "Start the action plan from your selected focus area first."
    missing = []
    if not plan.goal.strip():
        missing.append("a goal statement")
    summary = plan_summary(plan)
    if summary["measurable"] == 0:
        missing.append("at least one outcome with a measure and a target")
    if summary["steps"] == 0:
        missing.append("at least one step")
    if missing:
        return "Before you submit, the plan needs " + ", ".join(missing) + "."
    return None
