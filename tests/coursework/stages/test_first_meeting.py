"""Stage 4 from the teacher's stage page: schedule, questions, notes, shortlist, invitation."""

import pytest
from django.core import mail
from django.urls import reverse

from coursework.stages import evidence
from coursework.stages.checks import submit_check
from partnerships.meetings.services import STARTER_QUESTIONS
from partnerships.models import Invitation, Meeting, Opportunity
from tests.coursework.factories import EnrollmentFactory
from tests.partnerships.factories import InterviewQuestionFactory, MeetingFactory, OpportunityFactory

pytestmark = pytest.mark.django_db

STAGE = "first-meeting"


def url(name, enrollment, *args):
    return reverse(f"coursework:{name}", args=[enrollment.pk, *args])


def meeting_data(**overrides):
    data = {
        "attendee_name": "Pat Principal, Principal",
        "date": "2026-12-03",
        "time": "15:30",
        "time_zone": "America/Denver",
        "duration_minutes": "30",
        "location": "Main office",
        "video_link": "",
    }
    data.update(overrides)
    return data


def test_empty_stage_offers_to_schedule_and_invite(client_for, enrollment):
    response = client_for(enrollment.teacher).get(url("stage", enrollment, STAGE))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Save meeting details" in html
    assert "Send invitation" in html
    assert ' style="' not in html


def test_scheduling_creates_the_meeting_with_starter_questions(client_for, enrollment):
    client = client_for(enrollment.teacher)
    response = client.post(url("first_meeting_save", enrollment), meeting_data())
    assert response.status_code == 302
    meeting = Meeting.objects.get(partnership=enrollment.partnership)
    assert meeting.kind == Meeting.Kind.FIRST_INTERVIEW
    assert meeting.local_starts_at.hour == 15 and meeting.time_zone == "America/Denver"
    assert meeting.questions.count() == len(STARTER_QUESTIONS)
    html = client.get(url("stage", enrollment, STAGE)).content.decode()
    assert "Download calendar invitation (.ics)" in html
    assert STARTER_QUESTIONS[0] in html
    response = client.post(url("first_meeting_save", enrollment), meeting_data(time="16:00"))
    assert Meeting.objects.count() == 1
    meeting.refresh_from_db()
    assert meeting.local_starts_at.hour == 16


def test_bad_time_zone_keeps_the_input_and_says_why(client_for, enrollment):
    response = client_for(enrollment.teacher).post(
        url("first_meeting_save", enrollment), meeting_data(time_zone="Nowhere/Special", location="Keep this place")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Keep this place" in html
    assert "Select a valid choice" in html or "Choose a time zone" in html
    assert not Meeting.objects.exists()


def test_question_edit_reorder_remove_add(client_for, enrollment):
    meeting = MeetingFactory(partnership=enrollment.partnership)
    q1, q2 = (
        InterviewQuestionFactory(meeting=meeting, position=1),
        InterviewQuestionFactory(meeting=meeting, position=2),
    )
    client = client_for(enrollment.teacher)
    response = client.post(
        url("first_meeting_question_save", enrollment, q1.pk),
        {f"q{q1.pk}-text": "What do you hope for?", f"q{q1.pk}-notes": "Literacy nights"},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#question-{q1.pk}")
    q1.refresh_from_db()
    assert q1.notes == "Literacy nights"
    client.post(url("first_meeting_question_move", enrollment, q2.pk), {"direction": "up"})
    assert list(meeting.questions.values_list("pk", flat=True)) == [q2.pk, q1.pk]
    assert client.post(url("first_meeting_question_move", enrollment, q2.pk), {"direction": "x"}).status_code == 404
    client.post(url("first_meeting_question_add", enrollment), {"new-question-text": "Who else should join?"})
    assert meeting.questions.last().text == "Who else should join?"
    client.post(url("first_meeting_question_remove", enrollment, q2.pk))
    assert list(meeting.questions.values_list("text", flat=True)) == ["What do you hope for?", "Who else should join?"]


def test_empty_question_text_is_refused_and_notes_kept(client_for, enrollment):
    meeting = MeetingFactory(partnership=enrollment.partnership)
    question = InterviewQuestionFactory(meeting=meeting, text="Original?")
    response = client_for(enrollment.teacher).post(
        url("first_meeting_question_save", enrollment, question.pk),
        {f"q{question.pk}-text": "", f"q{question.pk}-notes": "Unsaved typed notes"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write the question, or remove it." in html
    assert "Unsaved typed notes" in html
    question.refresh_from_db()
    assert question.text == "Original?"


def test_shortlist_and_notes(client_for, enrollment):
    meeting = MeetingFactory(partnership=enrollment.partnership)
    client = client_for(enrollment.teacher)
    client.post(url("first_meeting_opportunity_add", enrollment), {"new-opportunity-text": "Family literacy nights"})
    item = Opportunity.objects.get()
    client.post(url("first_meeting_opportunity_save", enrollment, item.pk), {f"o{item.pk}-text": "Family nights"})
    item.refresh_from_db()
    assert item.text == "Family nights"
    client.post(url("first_meeting_notes", enrollment), {"notes": "Warm, focused meeting."})
    meeting.refresh_from_db()
    assert meeting.notes == "Warm, focused meeting."
    response = client.post(url("first_meeting_opportunity_add", enrollment), {"new-opportunity-text": "  "})
    assert response.status_code == 400
    assert "Describe the opportunity or need" in response.content.decode()
    client.post(url("first_meeting_opportunity_remove", enrollment, item.pk))
    assert not Opportunity.objects.exists()


def test_inviting_the_administrator_from_the_stage_page(client_for, enrollment, run_tasks):
    client = client_for(enrollment.teacher)
    response = client.post(
        url("first_meeting_invite", enrollment), {"email": "Principal@School.test", "role": "administrator"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role) == ("principal@school.test", "administrator")
    run_tasks()
    assert mail.outbox[0].to == ["principal@school.test"]
    assert "principal@school.test" in client.get(url("stage", enrollment, STAGE)).content.decode()
    bad = client.post(url("first_meeting_invite", enrollment), {"email": "not-an-email", "role": "administrator"})
    assert bad.status_code == 400


def test_joined_administrator_is_named_on_the_stage_page(client_for, enrollment, administrator):
    html = client_for(enrollment.teacher).get(url("stage", enrollment, STAGE)).content.decode()
    assert "Pat Principal" in html and "has joined your partnership" in html


def test_submit_requirement_and_evidence(enrollment):
    assert "schedule the meeting" in submit_check(STAGE, enrollment)
    meeting = MeetingFactory(partnership=enrollment.partnership, notes="General note")
    assert "at least one area of opportunity" in submit_check(STAGE, enrollment)
    item = OpportunityFactory(meeting=meeting, text="Digital access at home")
    question = InterviewQuestionFactory(meeting=meeting, text="Needs?", notes="Devices")
    InterviewQuestionFactory(meeting=meeting, text="Unanswered?")
    assert submit_check(STAGE, enrollment) is None
    items = {i.ref: i for i in evidence.evidence_for(enrollment) if i.kind == evidence.INTERVIEW}
    assert set(items) == {f"opportunity:{item.pk}", f"question:{question.pk}", f"meeting:{meeting.pk}"}
    assert items[f"opportunity:{item.pk}"].text == "Digital access at home"
    assert items[f"question:{question.pk}"].text == "Needs? — Devices"
    assert items[f"opportunity:{item.pk}"].source.startswith("First meeting with Pat Principal")


@pytest.mark.parametrize("who", ["other_teacher", "administrator", "colleague", "instructor"])
def test_only_the_teacher_edits_from_the_stage(request, client_for, enrollment, who):
    meeting = MeetingFactory(partnership=enrollment.partnership)
    question = InterviewQuestionFactory(meeting=meeting, text="Keep me?")
    item = OpportunityFactory(meeting=meeting)
    client = client_for(request.getfixturevalue(who))
    assert client.get(url("stage", enrollment, STAGE)).status_code == 404
    posts = [
        (url("first_meeting_save", enrollment), meeting_data()),
        (url("first_meeting_notes", enrollment), {"notes": "x"}),
        (url("first_meeting_invite", enrollment), {"email": "a@b.test", "role": "colleague"}),
        (url("first_meeting_question_add", enrollment), {"new-question-text": "x"}),
        (url("first_meeting_question_save", enrollment, question.pk), {f"q{question.pk}-text": "x"}),
        (url("first_meeting_question_move", enrollment, question.pk), {"direction": "down"}),
        (url("first_meeting_question_remove", enrollment, question.pk), {}),
        (url("first_meeting_opportunity_add", enrollment), {"new-opportunity-text": "x"}),
        (url("first_meeting_opportunity_remove", enrollment, item.pk), {}),
    ]
    for target, data in posts:
        assert client.post(target, data).status_code == 404, target
    question.refresh_from_db()
    assert question.text == "Keep me?" and Opportunity.objects.count() == 1


def test_teacher_cannot_reach_another_partnerships_question(client_for, enrollment, other_partnership):
    foreign = InterviewQuestionFactory(meeting=MeetingFactory(partnership=other_partnership))
    MeetingFactory(partnership=enrollment.partnership)
    response = client_for(enrollment.teacher).post(url("first_meeting_question_remove", enrollment, foreign.pk))
    assert response.status_code == 404


def test_anonymous_is_sent_to_sign_in(client, enrollment):
    response = client.get(url("stage", enrollment, STAGE))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    response = client.post(url("first_meeting_save", enrollment), meeting_data())
    assert response.status_code == 302 and not Meeting.objects.exists()


@pytest.mark.parametrize("count", [3, 20])
def test_stage_page_query_count_does_not_grow(client_for, django_assert_max_num_queries, count):
    enrollment = EnrollmentFactory()
    meeting = MeetingFactory(partnership=enrollment.partnership)
    InterviewQuestionFactory.create_batch(count, meeting=meeting)
    OpportunityFactory.create_batch(count, meeting=meeting)
    client = client_for(enrollment.teacher)
    with django_assert_max_num_queries(14):
        response = client.get(url("stage", enrollment, STAGE))
    assert response.status_code == 200
    assert response.content.decode().count('id="question-') == count


def test_instructor_reads_the_first_meeting_without_forms(client_for, instructor, enrollment):
    meeting = MeetingFactory(partnership=enrollment.partnership, notes="General note")
    InterviewQuestionFactory(meeting=meeting, text="Needs?", notes="Devices at home")
    OpportunityFactory(meeting=meeting, text="Chromebook lending")
    response = client_for(instructor).get(reverse("coursework:stage_review", args=[enrollment.pk, STAGE]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in ("Needs?", "Devices at home", "General note", "Chromebook lending", "Pat Principal, Principal"):
        assert text in html
    assert reverse("coursework:first_meeting_save", args=[enrollment.pk]) not in html
    assert reverse("coursework:first_meeting_invite", args=[enrollment.pk]) not in html


def autosave(client, target, value, version):
    return client.post(target, {"field": "notes", "value": value, "version": version}, HTTP_HX_REQUEST="true")


def test_question_and_meeting_notes_autosave_with_version_checks(client_for, enrollment):
    meeting = MeetingFactory(partnership=enrollment.partnership)
    question = InterviewQuestionFactory(meeting=meeting)
    client = client_for(enrollment.teacher)
    q_url = url("first_meeting_question_autosave", enrollment, question.pk)
    assert autosave(client, q_url, "She wants more reading", 0)["X-Autosave-Version"] == "1"
    assert autosave(client, q_url, "Stale", 0).status_code == 409
    question.refresh_from_db()
    assert (question.notes, question.version) == ("She wants more reading", 1)
    n_url = url("first_meeting_notes_autosave", enrollment)
    assert autosave(client, n_url, "Warm meeting", 0)["X-Autosave-Version"] == "1"
    meeting.refresh_from_db()
    assert (meeting.notes, meeting.notes_version) == ("Warm meeting", 1)
    html = client.get(url("stage", enrollment, STAGE)).content.decode()
    assert f'data-autosave-key="question-notes:{question.pk}"' in html
    assert f'data-autosave-key="meeting-notes:{meeting.pk}"' in html


@pytest.mark.parametrize("who", ["other_teacher", "administrator", "instructor"])
def test_others_cannot_autosave_meeting_notes(request, client_for, enrollment, who):
    meeting = MeetingFactory(partnership=enrollment.partnership)
    question = InterviewQuestionFactory(meeting=meeting)
    client = client_for(request.getfixturevalue(who))
    assert autosave(client, url("first_meeting_question_autosave", enrollment, question.pk), "x", 0).status_code == 404
    assert autosave(client, url("first_meeting_notes_autosave", enrollment), "x", 0).status_code == 404
    question.refresh_from_db()
    meeting.refresh_from_db()
    assert question.notes == "" and meeting.notes == ""
