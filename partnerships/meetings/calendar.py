"""Calendar files (.ics) for touch points: one per touch point and a feed per partnership."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from partnerships.meetings.ics_dates import event_window, require_event_window

PRODID = "-//Partnership Planner//Touch points//EN"


def _calendar(name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _event(touch_point, partnership, window):
    start, end = window
    event = Event()
    event.add("uid", f"touchpoint-{touch_point.uid}@partnership-planner")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", f"{touch_point.title} — {partnership.title}")
    url = settings.SITE_URL + reverse("partnerships:touch_point", args=[partnership.pk, touch_point.pk])
    event.add("description", f"Review the action plan: outcome readings, health check, next steps.\n{url}")
    event.add("url", url)
    event.add("sequence", touch_point.version)
    if touch_point.location:
        event.add("location", touch_point.location)
    return event


def touch_point_ics(touch_point, partnership):
    cal = _calendar(partnership.title)
    cal.add("method", "PUBLISH")
    window = require_event_window(touch_point.scheduled_at, touch_point.duration_minutes, touch_point.time_zone)
    cal.add_component(_event(touch_point, partnership, window))
    cal.add_missing_timezones()
    return cal.to_ical()


def partnership_feed(partnership, touch_points):
    cal = _calendar(f"{partnership.title} — touch points")
    for tp in touch_points:
        window = event_window(tp.scheduled_at, tp.duration_minutes, tp.time_zone)
        if window is not None:  # a stored date no calendar can hold is left out, not fatal
            cal.add_component(_event(tp, partnership, window))
    cal.add_missing_timezones()
    return cal.to_ical()
