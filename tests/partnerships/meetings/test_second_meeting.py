"""The second meeting: scheduling with a time zone, the .ics invite and the editable agenda."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
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


# --- the agenda's words follow the choice -------------------------------------------------


def _schedule(partnership, teacher, *, days):
    return svc.review_meeting_save(
        partnership=partnership,
        actor=teacher,
        starts_at=timezone.now() + timedelta(days=days),
        time_zone="America/Chicago",
        location="Library",
    )


def _invite_description(client, partnership):
    ics = client.get(reverse("partnerships:second_meeting_ics", args=[partnership.pk]))
    return str(Calendar.from_ical(ics.content).walk("VEVENT")[0]["description"])


def _choose(partnership, teacher, administrator, focus_area):
    choice = svc.choice_propose(focus_area=focus_area, actor=teacher, rationale="It answers the district goal.")
    return svc.choice_confirm(choice=choice, actor=administrator)


def test_before_a_choice_the_agenda_and_invite_ask_to_choose_one(partnership, teacher, administrator, client_for):
    share_areas(partnership, teacher, n=2)
    _schedule(partnership, teacher, days=7)
    a = client_for(administrator)
    a.post(reverse("partnerships:agenda_generate", args=[partnership.pk]))
    texts = list(AgendaItem.objects.filter(partnership=partnership).values_list("text", flat=True))
    assert "choose one of the shared focus areas" in texts[0]
    assert "Choose one focus area and record why." in texts
    assert "choose one of the shared focus areas" in _invite_description(a, partnership)


def test_after_a_choice_the_rebuilt_agenda_and_invite_name_it(partnership, teacher, administrator, client_for):
    chosen, other = share_areas(partnership, teacher, n=2)
    svc.comment_add(focus_area=chosen, author=administrator, kind="question", body="Which grades?")
    _schedule(partnership, teacher, days=7)
    _choose(partnership, teacher, administrator, chosen)
    a = client_for(administrator)
    assert a.post(reverse("partnerships:agenda_generate", args=[partnership.pk])).status_code == 302
    texts = list(AgendaItem.objects.filter(partnership=partnership).values_list("text", flat=True))
    assert not any("choose" in t.lower() for t in texts)
    assert "confirm “Area 1”" in texts[0] and "first ideas for its action plan" in texts[0]
    assert any(t.startswith("First ideas for the action plan for “Area 1”") for t in texts)
    assert any("Which grades?" in t for t in texts)
    assert not any("Area 2" in t for t in texts)  # set aside: not on the agenda any more
    description = _invite_description(a, partnership)
    assert "choose" not in description.lower()
    assert "“Area 1”" in description and "first ideas for its action plan" in description
    brief = a.get(reverse("partnerships:meeting_brief", args=[partnership.pk])).text
    assert "choose the one" not in brief and "Confirm the focus area you chose together, “Area 1”" in brief


def test_an_agenda_built_before_the_choice_follows_it(partnership, teacher, administrator, client_for):
    chosen, other = share_areas(partnership, teacher, n=2)
    _schedule(partnership, teacher, days=7)
    svc.agenda_generate(partnership=partnership, actor=teacher)
    kept = AgendaItem.objects.filter(partnership=partnership).get(text__startswith="Next steps")
    svc.agenda_item_update(item=kept, actor=teacher, text="Next steps, in our own words")
    svc.agenda_item_add(partnership=partnership, actor=teacher, text="Library budget")
    _choose(partnership, teacher, administrator, chosen)
    texts = list(AgendaItem.objects.filter(partnership=partnership).values_list("text", flat=True))
    assert not any("choose" in t.lower() for t in texts)
    assert "confirm “Area 1”" in texts[0]
    assert not any("Area 2" in t for t in texts)
    assert "Next steps, in our own words" in texts and "Library budget" in texts
    assert "choose" not in _invite_description(client_for(teacher), partnership).lower()


def test_the_agenda_of_a_meeting_already_held_keeps_its_words(partnership, teacher, administrator):
    chosen, other = share_areas(partnership, teacher, n=2)
    _schedule(partnership, teacher, days=-1)
    before = [i.text for i in svc.agenda_generate(partnership=partnership, actor=teacher)]
    _choose(partnership, teacher, administrator, chosen)
    assert list(AgendaItem.objects.filter(partnership=partnership).values_list("text", flat=True)) == before
