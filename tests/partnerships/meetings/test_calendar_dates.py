"""Calendar downloads stay working when a stored date is far outside the usual range.

The rows are written directly (as an old import or a bug might have left them), bypassing
the forms that now refuse such dates.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from partnerships.models import Meeting, ReviewMeeting, TouchPoint
from tests.partnerships.factories import MeetingFactory, TouchPointFactory

FAR = datetime(9999, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
EARLY = datetime(1, 1, 1, 0, 10, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize("when", [FAR, EARLY], ids=["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Chicago"])
def test_meeting_ics_with_out_of_range_date_does_not_500(partnership, teacher, client_for, when, zone):
    meeting = MeetingFactory(partnership=partnership)
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=when, time_zone=zone)
    response = client_for(teacher).get(reverse("partnerships:meeting_calendar", args=[meeting.pk]))
    assert response.status_code == 409
    assert "outside what a calendar file can hold" in response.content.decode()


@pytest.mark.parametrize("when", [FAR, EARLY], ids=["9999-12-31", "0001-01-01"])
def test_second_meeting_ics_with_out_of_range_date_does_not_500(partnership, teacher, client_for, when):
    ReviewMeeting.objects.create(
        partnership=partnership, starts_at=when, time_zone="Asia/Tokyo", duration_minutes=45, location="Room 1"
    )
    response = client_for(teacher).get(reverse("partnerships:second_meeting_ics", args=[partnership.pk]))
    assert response.status_code == 409
    assert "change the date" in response.content.decode()


@pytest.mark.parametrize("when", [FAR, EARLY], ids=["9999-12-31", "0001-01-01"])
def test_touch_point_ics_and_feed_with_out_of_range_date_do_not_500(partnership, teacher, client_for, when):
    good = TouchPointFactory(partnership=partnership)
    bad = TouchPointFactory(partnership=partnership, time_zone="Asia/Tokyo")
    TouchPoint.objects.filter(pk=bad.pk).update(scheduled_at=when)
    c = client_for(teacher)
    single = c.get(reverse("partnerships:touch_point_ics", args=[partnership.pk, bad.pk]))
    assert single.status_code == 409
    feed = c.get(reverse("partnerships:calendar_feed", args=[partnership.pk]))
    assert feed.status_code == 200
    # The feed keeps the touch points it can describe and leaves the other out.
    assert f"touchpoint-{good.uid}@" in feed.content.decode()
    assert f"touchpoint-{bad.uid}@" not in feed.content.decode()


def test_a_meeting_late_on_the_last_usable_day_still_downloads(partnership, teacher, client_for):
    meeting = MeetingFactory(partnership=partnership)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=datetime(2199, 12, 31, 10, 0, tzinfo=ZoneInfo("UTC")), time_zone="UTC"
    )
    response = client_for(teacher).get(reverse("partnerships:meeting_calendar", args=[meeting.pk]))
    assert response.status_code == 200
    assert b"DTSTART;TZID=UTC:21991231T100000" in response.content or b"21991231T100000" in response.content
