"""Calendar files (.ics) for touch points: one per touch point and a feed per partnership."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Partnership Planner//Touch points//EN"


def _calendar(name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    return cal


def _event(touch_point, partnership):
    zone = ZoneInfo(touch_point.time_zone)
    start = touch_point.scheduled_at.astimezone(zone).replace(microsecond=0)
    event = Event()
    event.add("uid", f"touchpoint-{touch_point.uid}@partnership-planner")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=touch_point.duration_minutes))
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
    cal.add_component(_event(touch_point, partnership))
    cal.add_missing_timezones()
    return cal.to_ical()


def partnership_feed(partnership, touch_points):
    cal = _calendar(f"{partnership.title} — touch points")
    for tp in touch_points:
        cal.add_component(_event(tp, partnership))
    cal.add_missing_timezones()
    return cal.to_ical()
