from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from partnerships.access import membership_for, visible_meetings
from partnerships.meetings.ics_dates import event_window, ics_response
from partnerships.meetings.meeting_calendar import meeting_ics
from partnerships.models import Membership


@login_required
def meeting_detail(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user).select_related("partnership", "created_by"), pk=pk)
    membership = membership_for(request.user, meeting.partnership)
    is_lead = membership is not None and membership.role == Membership.Role.LEAD_TEACHER
    return render(
        request,
        "partnerships/meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "partnership": meeting.partnership,
            "is_lead": is_lead,
            "questions": list(meeting.questions.all()),
            "opportunities": list(meeting.opportunities.all()),
        },
    )


@login_required
def meeting_calendar(request, pk):
    meeting = get_object_or_404(visible_meetings(request.user).select_related("partnership"), pk=pk)
    if meeting.starts_at is None:
        raise Http404("This meeting has no date yet.")
    window = event_window(meeting.starts_at, meeting.duration_minutes, meeting.time_zone)
    day = f" {window[0]:%Y-%m-%d}" if window else ""
    name = slugify(f"{meeting.get_kind_display()}{day}") or "meeting"
    return ics_response(lambda: meeting_ics(meeting, meeting.questions.all()), filename=f"{name}.ics")
