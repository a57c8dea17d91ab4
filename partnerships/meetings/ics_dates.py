"""The start and end of a calendar event, or a plain refusal when the stored date cannot be one.

The forms keep dates within a few years, but a row written some other way (an import, the
admin, an old bug) can hold any date the database takes, 9999-12-31 included. Shifting such
a date into a time zone or adding the meeting's length runs past the last date Python knows,
and calendar programs choke on far-off years too; every .ics builder asks this module first.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.http import HttpResponse

from partnerships.common import limits
from partnerships.common.errors import PlannerError

UNUSABLE_DATE = (
    "This date is outside what a calendar file can hold ({earliest} to {latest}); "
    "change the date and download the invite again."
)


def event_window(starts_at, minutes, time_zone):
    """(start, end) in `time_zone`, whole seconds; None when there is no usable date."""
    if starts_at is None:
        return None
    try:
        start = starts_at.astimezone(ZoneInfo(time_zone)).replace(microsecond=0)
        end = start + timedelta(minutes=minutes or 0)
    except (OverflowError, ValueError, ZoneInfoNotFoundError):
        return None
    allowed = limits.CALENDAR_FILE
    if not (allowed.contains(start.date()) and allowed.contains(end.date())):
        return None
    return start, end


def require_event_window(starts_at, minutes, time_zone):
    """Like event_window, but a PlannerError (code "calendar_date") instead of None."""
    window = event_window(starts_at, minutes, time_zone)
    if window is None:
        allowed = limits.CALENDAR_FILE
        message = UNUSABLE_DATE.format(earliest=allowed.earliest.year, latest=allowed.latest().year)
        raise PlannerError(message, code="calendar_date")
    return window


def ics_response(build, *, filename, inline=False):
    """The .ics download built by `build()`, or the builder's refusal as a plain message.

    A refusal answers 409 with the message as text, so the person who clicked the link sees
    what to change instead of an error page.
    """
    try:
        content = build()
    except PlannerError as error:
        return HttpResponse(error.message, status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return response
