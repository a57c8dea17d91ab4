"""Reads for the lasting partnership: agreement status, stakeholder groups, progress chart.

`partnership_lasting_context` feeds the sections on the partnership page in a fixed
number of queries.
"""

from django.utils import timezone

from partnerships.access import can_edit_partnership
from partnerships.models import ActionPlan, Agreement, Outcome, OutcomeReading, Stakeholder, Step, TouchPoint
from partnerships.sustain.chart import outcome_chart


def agreement_status(agreement, members):
    """Who has confirmed the current version, given the partnership's members."""
    if agreement is None:
        return {"agreement": None, "rows": [], "all_confirmed": False}
    confirmed = {c.user_id: c for c in agreement.confirmations.all() if c.agreement_version == agreement.version}
    rows = [{"member": m, "confirmation": confirmed.get(m.user_id)} for m in members]
    return {"agreement": agreement, "rows": rows, "all_confirmed": bool(rows) and all(r["confirmation"] for r in rows)}


def agreement_with_confirmations(partnership):
    return Agreement.objects.filter(partnership=partnership).prefetch_related("confirmations").first()


def stakeholder_groups(partnership):
    """Stakeholders grouped by level, then by group, in the map's fixed order."""
    items = list(Stakeholder.objects.alive().filter(partnership=partnership))
    levels = []
    for level, groups in Stakeholder.GROUPS_BY_LEVEL.items():
        group_rows = []
        for group in groups:
            people = [s for s in items if s.level == level and s.group == group]
            group_rows.append({"group": Stakeholder.Group(group).label, "slug": f"{level}-{group}", "items": people})
        levels.append({"level": Stakeholder.Level(level).label, "slug": level, "groups": group_rows})
    return levels


def outcome_progress(partnership):
    """Per outcome: baseline, target and the reading at each recorded touch point, with the
    chart's geometry (partnerships/sustain/chart.py); the numbers are always in a table too."""
    outcomes = list(Outcome.objects.alive().filter(plan__partnership=partnership, plan__deleted_at__isnull=True))
    touch_points = [
        tp for tp in TouchPoint.objects.alive().filter(partnership=partnership) if tp.recorded_at is not None
    ]
    readings = {
        (r.outcome_id, r.touch_point_id): r.value
        for r in OutcomeReading.objects.filter(outcome__in=outcomes, touch_point__in=touch_points)
    }
    charts = []
    for outcome in outcomes:
        series = [
            {"touch_point": tp, "value": readings[(outcome.pk, tp.pk)], "on": tp.local_day()}
            for tp in touch_points
            if (outcome.pk, tp.pk) in readings
        ]
        chart = {
            "outcome": outcome,
            "series": series,
            "svg": outcome_chart(
                baseline=outcome.baseline,
                baseline_on=timezone.localdate(outcome.created_at),
                readings=[(p["on"], p["value"]) for p in series],
                target=outcome.target,
                target_on=outcome.target_date,
            ),
        }
        if series:
            chart["latest"] = series[-1]["value"]
            chart["reached"] = outcome.target is not None and _reached(outcome, chart["latest"])
        charts.append(chart)
    return charts


def _reached(outcome, value):
    if outcome.baseline is not None and outcome.target < outcome.baseline:
        return value <= outcome.target
    return value >= outcome.target


def attention(partnership, now=None):
    """Overdue steps and missed touch points (scheduled in the past, nothing recorded)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    overdue = list(
        Step.objects.alive()
        .filter(plan__partnership=partnership, plan__deleted_at__isnull=True, due_date__lt=today)
        .exclude(status=Step.Status.DONE)
        .select_related("owner_member__user")
        .order_by("due_date")
    )
    missed = list(
        TouchPoint.objects.alive().filter(partnership=partnership, scheduled_at__lt=now, recorded_at__isnull=True)
    )
    return {
        "overdue_steps": overdue,
        "missed_touch_points": missed,
        "next_touch_point": next_touch_point(partnership, now=now),
    }


def next_touch_point(partnership, now=None):
    """The review still to be held: the earliest one from now on that nothing is recorded for.

    Every place that names "the next touch point" asks this, so a review recorded early
    (ahead of its date) is never announced as still to come. Past ones not recorded are
    "missed" (see `attention`), not "next".
    """
    now = now or timezone.now()
    return (
        TouchPoint.objects.alive()
        .filter(partnership=partnership, recorded_at__isnull=True, scheduled_at__gte=now)
        .order_by("scheduled_at", "id")
        .first()
    )


def partnership_lasting_context(partnership, user, members):
    """Context for templates/partnerships/lasting/_sections.html on the partnership page."""
    plan = ActionPlan.objects.alive().filter(partnership=partnership).select_related("focus_area").first()
    return {
        "lasting": {
            "plan": plan,
            "can_edit": can_edit_partnership(user, partnership),
            "agreement": agreement_status(agreement_with_confirmations(partnership), members),
            "progress": outcome_progress(partnership),
            **attention(partnership),
        }
    }
