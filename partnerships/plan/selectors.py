"""Reads of the action plan reused by pages, the print view, exports and the stage page.

Each function runs a fixed number of queries whatever the size of the plan.
"""

from django.utils import timezone

from partnerships.models import FocusArea, Idea, Outcome, PlanComment, Stakeholder, Step, TouchPoint


def selected_focus_area(partnership):
    return (
        FocusArea.objects.filter(partnership=partnership, status=FocusArea.Status.SELECTED)
        .order_by("-updated_at")
        .first()
    )


def focus_change(plan):
    """The focus area chosen since the plan was started, or None when the plan follows it."""
    if plan.focus_area.status == FocusArea.Status.SELECTED:
        return None
    chosen = selected_focus_area(plan.partnership_id)
    return chosen if chosen is not None and chosen.pk != plan.focus_area_id else None


def plan_for(plans, partnership):
    """The partnership's plan from an access queryset, with what every page shows."""
    return plans.alive().select_related("focus_area", "partnership").filter(partnership=partnership).first()


def plan_items(plan):
    """Outcomes, steps, ideas, comments, stakeholders in the plan and the review schedule."""
    today = timezone.localdate()
    steps = list(Step.objects.alive().filter(plan=plan).select_related("owner_member__user").order_by("due_date", "id"))
    for step in steps:
        step.overdue = step.is_overdue(today)
    now = timezone.now()
    touch_points = list(TouchPoint.objects.alive().filter(partnership_id=plan.partnership_id))
    for tp in touch_points:
        tp.missed = tp.is_missed(now)
    return {
        "outcomes": list(Outcome.objects.alive().filter(plan=plan)),
        "steps": steps,
        "ideas": list(Idea.objects.alive().filter(plan=plan).select_related("author")),
        "comments": list(PlanComment.objects.filter(plan=plan).select_related("author")),
        "plan_stakeholders": list(
            Stakeholder.objects.alive().filter(partnership_id=plan.partnership_id).exclude(role_in_plan="")
        ),
        "touch_points": touch_points,
    }


def members_of(partnership):
    return list(partnership.memberships.select_related("user").order_by("role", "joined_at"))
