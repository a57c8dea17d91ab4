"""Meetings: services, forms, the .ics invitation and the partnership meeting page."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from partnerships.access import editable_meetings, visible_meetings
from partnerships.common.errors import PlannerError
from partnerships.meetings import services
from partnerships.meetings.forms import MeetingForm
from partnerships.meetings.meeting_calendar import meeting_ics
from partnerships.models import InterviewQuestion, Meeting
from tests.partnerships.factories import InterviewQuestionFactory, MeetingFactory, OpportunityFactory

pytestmark = pytest.mark.django_db

CHICAGO = ZoneInfo("America/Chicago")


def schedule(partnership, actor, **fields):
    values = {
        "attendee_name": "Pat Principal, Principal",
        "starts_at": datetime(2026, 12, 3, 15, 30, tzinfo=CHICAGO),
        "time_zone": "America/Chicago",
        "duration_minutes": 45,
        "location": "Room 101",
        "video_link": "https://meet.example.org/abc",
    }
    values.update(fields)
    return services.meeting_save(
        partnership=partnership, kind=Meeting.Kind.FIRST_INTERVIEW, actor=actor, meeting=None, **values
    )


# --- Services -------------------------------------------------------------------------


def test_a_new_first_interview_starts_with_the_starter_questions(partnership, teacher):
    meeting = schedule(partnership, teacher)
    texts = list(meeting.questions.values_list("text", flat=True))
    assert texts == list(services.STARTER_QUESTIONS)
    assert list(meeting.questions.values_list("position", flat=True)) == list(range(1, len(texts) + 1))
    assert services.first_interview_for(partnership) == meeting


def test_scheduling_tells_the_other_members(
    partnership, teacher, administrator, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = schedule(partnership, teacher)
    assert administrator.notifications.filter(url=meeting.get_absolute_url()).exists()
    assert not teacher.notifications.exists()
    assert "Thursday, December 3 at 15:30 (America/Chicago)" in administrator.notifications.get().message
    run_tasks()
    assert [m.to for m in mail.outbox] == [[administrator.email]]


def test_questions_add_edit_move_and_remove(partnership, teacher):
    meeting = schedule(partnership, teacher)
    first, second, third = list(meeting.questions.all())[:3]
    services.question_move(question=second, direction="up")
    order = list(meeting.questions.values_list("pk", flat=True))
    assert order[:3] == [second.pk, first.pk, third.pk]
    services.question_move(question=second, direction="up")  # already first: nothing changes
    assert list(meeting.questions.values_list("pk", flat=True))[:3] == [second.pk, first.pk, third.pk]
    services.question_move(question=second, direction="down")
    assert list(meeting.questions.values_list("pk", flat=True))[:3] == [first.pk, second.pk, third.pk]
    services.question_update(question=first, text="  Edited?  ", notes="She said literacy.")
    first.refresh_from_db()
    assert (first.text, first.notes) == ("Edited?", "She said literacy.")
    assert first.history.count() == 2
    added = services.question_add(meeting=meeting, text="One more?")
    assert added.position == len(services.STARTER_QUESTIONS) + 1
    services.question_remove(question=second)
    positions = list(meeting.questions.values_list("position", flat=True))
    assert positions == list(range(1, len(positions) + 1))
    with pytest.raises(PlannerError):
        services.question_move(question=first, direction="sideways")


def test_shortlist_add_update_remove(partnership, teacher):
    meeting = schedule(partnership, teacher)
    one = services.opportunity_add(meeting=meeting, text="Family literacy nights")
    two = services.opportunity_add(meeting=meeting, text="Chromebook access at home")
    assert (one.position, two.position) == (1, 2)
    services.opportunity_update(opportunity=one, text="Family literacy nights, twice a term")
    services.opportunity_remove(opportunity=one)
    two.refresh_from_db()
    assert two.position == 1
    assert meeting.opportunities.count() == 1


def test_meeting_save_refuses_another_partnerships_meeting(partnership, other_partnership, teacher):
    meeting = schedule(partnership, teacher)
    with pytest.raises(PlannerError):
        services.meeting_save(
            partnership=other_partnership, kind=Meeting.Kind.FIRST_INTERVIEW, actor=teacher, meeting=meeting
        )


# --- Forms ----------------------------------------------------------------------------


def form_data(**overrides):
    data = {
        "attendee_name": "Pat Principal",
        "date": "2026-12-03",
        "time": "15:30",
        "time_zone": "America/Chicago",
        "duration_minutes": "45",
        "location": "Room 101",
        "video_link": "",
    }
    data.update(overrides)
    return data


def test_meeting_form_reads_the_time_in_the_chosen_zone():
    form = MeetingForm(form_data(), instance=Meeting(kind=Meeting.Kind.FIRST_INTERVIEW))
    assert form.is_valid(), form.errors
    starts_at = form.cleaned_data["starts_at"]
    assert starts_at == datetime(2026, 12, 3, 21, 30, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "", "../../etc/passwd", "EST5EDT; DROP"])
def test_meeting_form_refuses_unknown_time_zones(zone):
    form = MeetingForm(form_data(time_zone=zone), instance=Meeting(kind=Meeting.Kind.FIRST_INTERVIEW))
    assert not form.is_valid()
    assert "time_zone" in form.errors


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://example.org/x", "file:///etc/passwd"])
def test_meeting_form_accepts_only_web_video_links(link):
    form = MeetingForm(form_data(video_link=link), instance=Meeting(kind=Meeting.Kind.FIRST_INTERVIEW))
    assert not form.is_valid()
    assert "video_link" in form.errors


def test_meeting_form_wants_date_and_time_together_or_neither():
    blank = Meeting(kind=Meeting.Kind.FIRST_INTERVIEW)
    assert MeetingForm(form_data(date="", time=""), instance=blank).is_valid()
    form = MeetingForm(form_data(time=""), instance=blank)
    assert form.errors["time"] == ["Add the start time, or clear the date."]
    form = MeetingForm(form_data(date=""), instance=blank)
    assert form.errors["date"] == ["Add the date, or clear the start time."]
    form = MeetingForm(form_data(duration_minutes="2"), instance=blank)
    assert "duration_minutes" in form.errors


def test_meeting_form_shows_the_saved_time_in_the_meeting_zone(partnership, teacher):
    meeting = schedule(partnership, teacher, time_zone="Asia/Tokyo")
    form = MeetingForm(instance=meeting)
    local = datetime(2026, 12, 3, 15, 30, tzinfo=CHICAGO).astimezone(ZoneInfo("Asia/Tokyo"))
    assert form.initial["date"] == local.date()
    assert form.initial["time"].hour == local.hour


# --- The .ics invitation --------------------------------------------------------------


def test_ics_has_uid_start_with_tzid_end_summary_location_url_and_agenda(partnership, teacher):
    meeting = schedule(partnership, teacher)
    calendar = Calendar.from_ical(meeting_ics(meeting, meeting.questions.all()))
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]).startswith(f"meeting-{meeting.pk}@")
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 12, 3, 15, 30, tzinfo=CHICAGO)
    assert event["DTSTART"].params["TZID"] == "America/Chicago"
    assert event.decoded("DTEND") - start == timedelta(minutes=45)
    assert "First interview with Pat Principal" in str(event["SUMMARY"])
    assert str(event["LOCATION"]) == "Room 101"
    assert str(event["URL"]) == "https://meet.example.org/abc"
    description = str(event["DESCRIPTION"])
    assert "Agenda:" in description and services.STARTER_QUESTIONS[0] in description
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "America/Chicago"


def test_ics_refuses_an_unscheduled_meeting(partnership, teacher):
    meeting = schedule(partnership, teacher, starts_at=None)
    with pytest.raises(ValueError):
        meeting_ics(meeting)


# --- Access and the partnership meeting page -----------------------------------------


def test_access_functions(partnership, teacher, administrator, colleague, instructor, other_teacher):
    meeting = MeetingFactory(partnership=partnership)
    for person in (teacher, administrator, colleague, instructor):
        assert meeting in visible_meetings(person)
    assert meeting not in visible_meetings(other_teacher)
    assert list(editable_meetings(teacher)) == [meeting]
    assert not editable_meetings(administrator).exists()


def test_administrator_sees_the_meeting_agenda_and_shortlist_but_not_notes(client_for, partnership, administrator):
    meeting = MeetingFactory(partnership=partnership, notes="PRIVATE GENERAL NOTE")
    InterviewQuestionFactory(meeting=meeting, text="What matters most to you?", notes="PRIVATE ANSWER NOTE")
    OpportunityFactory(meeting=meeting, text="Family literacy nights")
    response = client_for(administrator).get(meeting.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "What matters most to you?" in html
    assert "Family literacy nights" in html
    assert "PRIVATE" not in html
    assert reverse("partnerships:meeting_calendar", args=[meeting.pk]) in html


def test_administrator_can_download_the_ics(client_for, partnership, administrator):
    meeting = MeetingFactory(partnership=partnership)
    response = client_for(administrator).get(reverse("partnerships:meeting_calendar", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    Calendar.from_ical(response.content)


def test_unscheduled_meeting_has_no_ics(client_for, partnership, teacher):
    meeting = MeetingFactory(partnership=partnership, starts_at=None)
    assert client_for(teacher).get(reverse("partnerships:meeting_calendar", args=[meeting.pk])).status_code == 404


@pytest.mark.parametrize("who", ["other_teacher", "other_administrator", "other_instructor"])
def test_outsiders_get_404(request, client_for, partnership, who):
    meeting = MeetingFactory(partnership=partnership)
    client = client_for(request.getfixturevalue(who))
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.get(reverse("partnerships:meeting_calendar", args=[meeting.pk])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, partnership):
    meeting = MeetingFactory(partnership=partnership)
    for url in (meeting.get_absolute_url(), reverse("partnerships:meeting_calendar", args=[meeting.pk])):
        response = client.get(url)
        assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("count", [3, 30])
def test_meeting_page_query_count_does_not_grow(
    client_for, partnership, administrator, django_assert_max_num_queries, count
):
    meeting = MeetingFactory(partnership=partnership)
    InterviewQuestionFactory.create_batch(count, meeting=meeting)
    OpportunityFactory.create_batch(count, meeting=meeting)
    client = client_for(administrator)
    with django_assert_max_num_queries(10):
        response = client.get(meeting.get_absolute_url())
    assert response.content.decode().count("<li>") >= 2 * count
    assert InterviewQuestion.objects.count() == count


def test_partnership_page_links_to_its_meetings(client_for, partnership, administrator):
    meeting = MeetingFactory(partnership=partnership)
    html = client_for(administrator).get(partnership.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() in html
    assert "First interview with Pat Principal, Principal" in html
