"""A meeting as an .ics calendar invitation (RFC 5545), built with icalendar."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event

from partnerships.meetings.ics_dates import require_event_window
from partnerships.notifications.services import absolute_url


def meeting_uid(meeting):
    host = urlsplit(settings.SITE_URL).hostname or "partnership-planner"
    return f"meeting-{meeting.pk}@{host}"


def meeting_description(meeting, questions):
    lines = [f"{meeting.get_kind_display()} for the partnership “{meeting.partnership}”."]
    if meeting.video_link:
        lines.append(f"Video link: {meeting.video_link}")
    if questions:
        lines += ["", "Agenda:"]
        lines += [f"{number}. {q.text}" for number, q in enumerate(questions, start=1)]
    lines += ["", f"Details: {absolute_url(meeting.get_absolute_url())}"]
    return "\n".join(lines)


def meeting_ics(meeting, questions=()):
    """Bytes of a VCALENDAR with one VEVENT; DTSTART/DTEND carry the meeting's TZID."""
    if meeting.starts_at is None:
        raise ValueError("The meeting has no date yet.")
    start, end = require_event_window(meeting.starts_at, meeting.duration_minutes, meeting.time_zone)
    calendar = Calendar()
    calendar.add("prodid", "-//Partnership Planner//Meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    title = meeting.get_kind_display()
    if meeting.attendee_name:
        title += f" with {meeting.attendee_name}"
    event.add("summary", f"{title}: {meeting.partnership}")
    if meeting.location or meeting.video_link:
        event.add("location", meeting.location or meeting.video_link)
    event.add("url", meeting.video_link or absolute_url(meeting.get_absolute_url()))
    event.add("description", meeting_description(meeting, list(questions)))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
