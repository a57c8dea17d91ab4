"""Reads about a partnership as a whole."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from partnerships.models import (
    ActionPlan,
    AgreementConfirmation,
    FocusArea,
    FocusAreaChoice,
    Meeting,
    ReviewMeeting,
    TouchPoint,
)


@dataclass(frozen=True)
class TimelineEvent:
    when: datetime
    title: str
    detail: str = ""
    upcoming: bool = False


def partnership_timeline(partnership, now=None):
    """The partnership so far, oldest first: meetings, decisions, the plan, touch points.

    A fixed number of queries whatever the partnership's size; only shared work appears
    (draft focus areas are the teacher's alone).
    """
    now = now or timezone.now()
    events = [
        TimelineEvent(m.starts_at, m.get_kind_display(), m.attendee_name, m.starts_at > now)
        for m in Meeting.objects.filter(partnership=partnership, starts_at__isnull=False)
    ]
    shared = list(FocusArea.objects.filter(partnership=partnership, shared_at__isnull=False).order_by("shared_at"))
    if shared:
        titles = ", ".join(f"“{area.title}”" for area in shared)
        events.append(TimelineEvent(shared[0].shared_at, "Focus areas shared with the administrator", titles))
    second = ReviewMeeting.objects.filter(partnership=partnership).first()
    if second:
        events.append(TimelineEvent(second.starts_at, "Second meeting", second.location, second.starts_at > now))
    for choice in FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False).select_related(
        "focus_area"
    ):
        events.append(
            TimelineEvent(choice.confirmed_at, f"Chose “{choice.focus_area.title}” together", choice.rationale)
        )
    plan = ActionPlan.objects.alive().filter(partnership=partnership).order_by("created_at").first()
    if plan:
        events.append(TimelineEvent(plan.created_at, "Action plan started", plan.goal))
    for confirmation in AgreementConfirmation.objects.filter(agreement__partnership=partnership).select_related("user"):
        events.append(TimelineEvent(confirmation.confirmed_at, f"Agreement confirmed by {confirmation.user}"))
    for tp in TouchPoint.objects.filter(partnership=partnership, deleted_at__isnull=True):
        if tp.recorded_at:
            events.append(TimelineEvent(tp.scheduled_at, f"Touch point held: {tp.title}", tp.next_steps))
        else:
            events.append(TimelineEvent(tp.scheduled_at, f"Touch point: {tp.title}", "", tp.scheduled_at > now))
    return sorted(events, key=lambda event: event.when)
