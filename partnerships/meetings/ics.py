"""Calendar invites (.ics) for the second meeting, built with the icalendar package."""

from django.utils import timezone
from icalendar import Calendar, Event

from partnerships.focus.agenda import confirmed_choice, meeting_purpose
from partnerships.meetings.ics_dates import require_event_window


def review_meeting_ics(meeting, request=None):
    partnership = meeting.partnership
    start, end = require_event_window(meeting.starts_at, meeting.duration_minutes, meeting.time_zone)
    calendar = Calendar()
    calendar.add("prodid", "-//Partnership Planner//Second meeting//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"review-meeting-{meeting.pk}@partnership-planner")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", f"Second meeting: {partnership.title}")
    if meeting.location:
        event.add("location", meeting.location)
    elif meeting.video_link:
        event.add("location", meeting.video_link)
    if meeting.video_link:
        event.add("url", meeting.video_link)
    agenda = [f"{i}. {item.text}" for i, item in enumerate(partnership.agenda_items.all(), start=1)]
    description = meeting_purpose(confirmed_choice(partnership))
    if agenda:
        description += "\n\nAgenda:\n" + "\n".join(agenda)
    if request is not None:
        description += "\n\n" + request.build_absolute_uri(meeting.get_absolute_url())
    event.add("description", description)
    calendar.add_component(event)
    calendar.add_missing_timezones()  # a VTIMEZONE for the meeting's zone, for calendars that need one
    return calendar.to_ical()
