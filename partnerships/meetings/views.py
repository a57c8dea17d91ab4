from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from partnerships.access import membership_for, visible_meetings
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
    response = HttpResponse(meeting_ics(meeting, meeting.questions.all()), content_type="text/calendar; charset=utf-8")
    name = slugify(f"{meeting.get_kind_display()} {meeting.local_starts_at:%Y-%m-%d}") or "meeting"
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response
