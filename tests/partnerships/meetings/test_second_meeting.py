"""The second meeting: scheduling with a time zone, the .ics invite and the editable agenda."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from partnerships.focus import services as svc
from partnerships.models import AgendaItem, Notification, ReviewMeeting
from tests.partnerships.focus.fixtures import share_areas


@pytest.fixture
def meeting_url(partnership):
    return reverse("partnerships:second_meeting", args=[partnership.pk])


def test_schedule_with_time_zone_and_download_ics(
    partnership, teacher, administrator, meeting_url, client_for, run_tasks
):
    c = client_for(teacher)
    response = c.post(
        reverse("partnerships:second_meeting_schedule", args=[partnership.pk]),
        {
            "date": "2026-12-03",
            "time": "15:30",
            "time_zone": "America/Chicago",
            "duration_minutes": "45",
            "location": "",
            "video_link": "https://meet.example.test/abc",
        },
    )
    assert response.status_code == 302
    meeting = ReviewMeeting.objects.get(partnership=partnership)
    assert meeting.starts_at == datetime(2026, 12, 3, 15, 30, tzinfo=ZoneInfo("America/Chicago"))
    run_tasks()
    assert mail.outbox[-1].to == [administrator.email]
    page = client_for(administrator).get(meeting_url)
    assert "Thursday, December 3, 2026, 3:30 PM" in page.text and "America/Chicago" in page.text
    ics = client_for(administrator).get(reverse("partnerships:second_meeting_ics", args=[partnership.pk]))
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(ics.content)
    assert str(calendar.walk("VTIMEZONE")[0]["TZID"]) == "America/Chicago"
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("dtstart") == meeting.starts_at
    assert str(event["location"]) == "https://meet.example.test/abc"


def test_schedule_needs_a_place_or_link(partnership, teacher, client_for):
    page = client_for(teacher).post(
        reverse("partnerships:second_meeting_schedule", args=[partnership.pk]),
        {"date": "2026-12-03", "time": "15:30", "time_zone": "America/Chicago", "duration_minutes": "45"},
    )
    assert page.status_code == 400
    assert "Give a place to meet or a video call link." in page.text
    assert 'value="2026-12-03"' in page.text
    assert not ReviewMeeting.objects.exists()


def test_bad_time_zone_is_an_error_not_a_500(partnership, teacher, client_for):
    page = client_for(teacher).post(
        reverse("partnerships:second_meeting_schedule", args=[partnership.pk]),
        {
            "date": "2026-12-03",
            "time": "15:30",
            "time_zone": "Mars/Base",
            "duration_minutes": "45",
            "location": "Room 1",
        },
    )
    assert page.status_code == 400 and "Select a valid choice" in page.text


def test_ics_404_before_scheduling(partnership, teacher, client_for):
    assert client_for(teacher).get(reverse("partnerships:second_meeting_ics", args=[partnership.pk])).status_code == 404


def test_agenda_generate_edit_reorder_remove_in_pages(partnership, teacher, administrator, meeting_url, client_for):
    areas = share_areas(partnership, teacher, n=2)
    svc.comment_add(focus_area=areas[0], author=administrator, kind="question", body="Which grades?")
    a = client_for(administrator)
    assert a.post(reverse("partnerships:agenda_generate", args=[partnership.pk])).status_code == 302
    page = a.get(meeting_url)
    assert "Review the focus area “Area 1”" in page.text and "Which grades?" in page.text
    items = list(AgendaItem.objects.filter(partnership=partnership))
    last = items[-1]
    a.post(reverse("partnerships:agenda_item_move", args=[last.pk, "up"]))
    assert list(AgendaItem.objects.values_list("pk", flat=True))[-2] == last.pk
    a.post(reverse("partnerships:agenda_item_edit", args=[last.pk]), {"text": "Next steps and dates"})
    a.post(reverse("partnerships:agenda_item_add", args=[partnership.pk]), {"text": "Any other business"})
    a.post(reverse("partnerships:agenda_item_delete", args=[items[0].pk]))
    texts = list(AgendaItem.objects.values_list("text", flat=True))
    assert "Next steps and dates" in texts and texts[-1] == "Any other business" and items[0].text not in texts


def test_instructor_reads_the_meeting_but_cannot_edit(partnership, teacher, instructor, meeting_url, client_for):
    c = client_for(instructor)
    page = c.get(meeting_url)
    assert page.status_code == 200 and "Save the meeting" not in page.text
    assert c.post(reverse("partnerships:agenda_item_add", args=[partnership.pk]), {"text": "x"}).status_code == 404


def test_send_digests_command_emails_digest_readers_once(partnership, teacher, administrator, capsys, run_tasks):
    administrator.notification_preference = administrator.Notify.DIGEST
    administrator.save()
    areas = share_areas(partnership, teacher, n=2)
    svc.comment_add(focus_area=areas[0], author=teacher, kind="comment", body="A note.")
    run_tasks()
    assert mail.outbox == []
    call_command("send_digests")
    assert "Sent 1 digest email." in capsys.readouterr().out
    run_tasks()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [administrator.email]
    run_tasks()
    assert "(2 updates)" in mail.outbox[0].subject
    assert not Notification.objects.filter(recipient=administrator, emailed_at__isnull=True).exists()
    call_command("send_digests")
    run_tasks()
    assert len(mail.outbox) == 1
