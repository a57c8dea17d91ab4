"""Stage 6 (`second-meeting`): the administrator's review, the second meeting and the choice."""

from coursework.stages.checks import submit_requirement
from coursework.stages.work import stage_work
from partnerships.models import FocusAreaChoice, ReviewMeeting


@stage_work("second-meeting")
def second_meeting_work(request, enrollment, *, read_only):
    partnership = enrollment.partnership
    context = {"template": "coursework/stages/second-meeting.html", "partnership": partnership}
    if partnership is None:
        return context
    context.update(
        shared=list(partnership.focus_areas.shared().order_by("created_at", "id")),
        meeting=ReviewMeeting.objects.filter(partnership=partnership).first(),
        confirmed=FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False)
        .select_related("focus_area", "proposed_by", "confirmed_by")
        .first(),
    )
    return context


@submit_requirement("second-meeting")
def second_meeting_ready(enrollment):
    if (
        enrollment.partnership is None
        or not enrollment.partnership.focus_choices.filter(confirmed_at__isnull=False).exists()
    ):
        return "Choose one focus area with your administrator first: both of you confirm it on the review page."
    return None
