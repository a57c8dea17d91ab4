from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coursework.feedback.services import fill_placeholders, reminders_send, unknown_placeholders
from coursework.models import CohortStage, Feedback, Reminder, StageProgress
from coursework.stages.work import _providers, stage_work
from partnerships.models import Notification
from tests.coursework.factories import EnrollmentFactory, FeedbackFactory
from tests.partnerships.factories import UserFactory

Status = StageProgress.Status
pytestmark = pytest.mark.django_db


def review_url(enrollment, stage="mindsets"):
    return reverse("coursework:stage_review", args=[enrollment.pk, stage])


def submit(enrollment, stage="mindsets"):
    StageProgress.objects.filter(enrollment=enrollment, stage=stage).update(
        status=Status.SUBMITTED, submitted_at=timezone.now()
    )


def status_of(enrollment, stage="mindsets"):
    return StageProgress.objects.get(enrollment=enrollment, stage=stage).status


# Reading a teacher's work ------------------------------------------------------------


def test_review_page_without_a_provider_says_no_work_area_yet(client_for, instructor, enrollment, monkeypatch):
    from coursework.stages import work as stage_work

    monkeypatch.delitem(stage_work._providers, "mindsets", raising=False)
    response = client_for(instructor).get(review_url(enrollment))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No work area yet" in html
    assert "Tess Teacher: stage 1" in html
    assert reverse("coursework:stage_submit", args=[enrollment.pk, "mindsets"]) not in html
    assert 'style="' not in html


@pytest.fixture
def fake_provider():
    calls = []
    real = _providers.get("research")

    @stage_work("research")
    def provider(request, enrollment, *, read_only):
        calls.append((request.method, read_only))
        return {"template": "coursework/stage.html", "extra": "x"}

    yield calls
    if real is None:
        _providers.pop("research", None)
    else:
        _providers["research"] = real  # the research stage's own provider, registered at start-up


def test_review_page_calls_the_provider_read_only_and_never_with_a_post(
    client_for, instructor, enrollment, fake_provider
):
    client = client_for(instructor)
    client.get(review_url(enrollment, "research"))
    client.post(review_url(enrollment, "research"), {"text": ""})
    assert fake_provider == [("GET", True), ("GET", True)]


def test_review_page_is_404_for_other_cohort_teacher_and_unknown_stage(
    client_for, instructor, enrollment, other_instructor, other_enrollment
):
    assert client_for(other_instructor).get(review_url(enrollment)).status_code == 404
    assert client_for(enrollment.teacher).get(review_url(enrollment)).status_code == 404
    assert client_for(instructor).get(review_url(other_enrollment)).status_code == 404
    assert client_for(instructor).get(review_url(enrollment, "nope")).status_code == 404
    response = client_for(other_instructor).post(review_url(enrollment), {"text": "hi"})
    assert response.status_code == 404
    assert not Feedback.objects.exists()


def test_review_page_anonymous_goes_to_sign_in(client, enrollment):
    response = client.get(review_url(enrollment))
    assert response.status_code == 302 and reverse("login") in response["Location"]


# Returning for revision, completing, commenting -----------------------------------------


def test_return_for_revision_notifies_teacher_who_sees_feedback(
    client_for, instructor, enrollment, django_capture_on_commit_callbacks, run_tasks
):
    submit(enrollment)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(instructor).post(
            review_url(enrollment), {"text": "Please add an example from your library.", "decision": "needs_revision"}
        )
    assert response.status_code == 302
    assert status_of(enrollment) == Status.NEEDS_REVISION
    item = Feedback.objects.get()
    assert (item.author, item.decision) == (instructor, "needs_revision")
    note = Notification.objects.get(recipient=enrollment.teacher)
    assert "revision" in note.message and note.url == reverse("coursework:stage", args=[enrollment.pk, "mindsets"])
    run_tasks()
    assert [m.to for m in mail.outbox] == [[enrollment.teacher.email]]
    page = client_for(enrollment.teacher).get(reverse("coursework:stage", args=[enrollment.pk, "mindsets"]))
    html = page.content.decode()
    assert "Please add an example from your library." in html
    assert "Returned for revision" in html


def test_mark_complete_without_text(client_for, instructor, enrollment, django_capture_on_commit_callbacks):
    submit(enrollment)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(instructor).post(review_url(enrollment), {"text": "", "decision": "complete"})
    assert status_of(enrollment) == Status.COMPLETE
    assert "complete" in Notification.objects.get().message


def test_revision_needs_a_comment_and_keeps_nothing_half_done(client_for, instructor, enrollment):
    submit(enrollment)
    response = client_for(instructor).post(review_url(enrollment), {"text": "  ", "decision": "needs_revision"})
    assert response.status_code == 400
    assert "say what to revise" in response.content.decode()
    assert status_of(enrollment) == Status.SUBMITTED
    assert not Feedback.objects.exists()


def test_a_stage_not_submitted_cannot_be_completed_but_can_be_commented(client_for, instructor, enrollment):
    client = client_for(instructor)
    response = client.post(review_url(enrollment), {"text": "Looks fine", "decision": "complete"})
    assert response.status_code == 400
    assert status_of(enrollment) == Status.NOT_STARTED
    assert not Feedback.objects.exists()
    response = client.post(review_url(enrollment), {"text": "How is it going?", "decision": ""})
    assert response.status_code == 302
    assert Feedback.objects.get().decision == ""
    assert status_of(enrollment) == Status.NOT_STARTED


def test_teacher_sees_only_their_own_stage_feedback(client_for, enrollment, cohort):
    FeedbackFactory(enrollment=enrollment, stage="mindsets", text="For Tess on mindsets")
    FeedbackFactory(enrollment=enrollment, stage="research", text="For Tess on research")
    someone = EnrollmentFactory(cohort=cohort)
    FeedbackFactory(enrollment=someone, stage="mindsets", text="For someone else")
    html = client_for(enrollment.teacher).get(reverse("coursework:stage", args=[enrollment.pk, "mindsets"])).content
    html = html.decode()
    assert "For Tess on mindsets" in html
    assert "For Tess on research" not in html and "For someone else" not in html


# Reminders --------------------------------------------------------------------------


def test_placeholders_fill_and_unknown_ones_are_reported():
    assert fill_placeholders("Hi {first_name}, {x.__class__} {}", {"first_name": "Tess"}) == "Hi Tess, {x.__class__} {}"
    assert unknown_placeholders("{first_name} {nope} {stage}") == ["nope"]


def test_reminders_send_records_and_emails(
    instructor, cohort, enrollment, django_capture_on_commit_callbacks, run_tasks
):
    due = timezone.localdate() + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        sent = reminders_send(cohort=cohort, enrollments=[enrollment], stage="research", sender=instructor, due_on=due)
    assert len(sent) == 1
    reminder = Reminder.objects.get()
    assert (reminder.enrollment, reminder.stage, reminder.sent_by) == (enrollment, "research", instructor)
    run_tasks()
    message = mail.outbox[0]
    assert message.to == [enrollment.teacher.email]
    assert message.subject == f"Reminder: 3. School and district goals is due {due.strftime('%A, %B %-d')}"
    assert "Hello Tess," in message.body
    assert f"http://testserver/course/enrollments/{enrollment.pk}/research/" in message.body
    assert "Ivy Instructor" in message.body
    assert message.reply_to == [instructor.email]


def send_url(cohort):
    return reverse("coursework:reminders_send", args=[cohort.pk])


def test_reminders_to_ticked_teachers_ignore_other_cohorts(
    client_for, instructor, cohort, enrollment, other_enrollment, django_capture_on_commit_callbacks, run_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(instructor).post(
            send_url(cohort),
            {"stage": "mindsets", "scope": "selected", "enrollment": [enrollment.pk, other_enrollment.pk]},
        )
    assert response.status_code == 302
    assert list(Reminder.objects.values_list("enrollment", flat=True)) == [enrollment.pk]
    run_tasks()
    assert len(mail.outbox) == 1
    dashboard = client_for(instructor).get(reverse("coursework:cohort_dashboard", args=[cohort.pk])).content.decode()
    assert "Reminded 0\xa0minutes ago (Mindsets)" in dashboard


def test_reminders_to_everyone_matching_the_filter(
    client_for, instructor, cohort, enrollment, django_capture_on_commit_callbacks, run_tasks
):
    done = EnrollmentFactory(cohort=cohort)
    submit(done)
    CohortStage.objects.filter(cohort=cohort, stage="mindsets").update(due_on=timezone.localdate() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(instructor).post(
            send_url(cohort),
            {"stage": "mindsets", "scope": "matching", "filter_stage": "mindsets", "filter_overdue": "on"},
        )
    assert response.status_code == 302
    assert response["Location"].endswith("?stage=mindsets&overdue=on")
    assert list(Reminder.objects.values_list("enrollment", flat=True)) == [enrollment.pk]
    run_tasks()
    assert [m.to for m in mail.outbox] == [[enrollment.teacher.email]]


def test_reminder_with_nobody_ticked_explains(client_for, instructor, cohort, enrollment):
    response = client_for(instructor).post(send_url(cohort), {"stage": "mindsets", "scope": "selected"})
    assert response.status_code == 400
    assert "Tick at least one teacher" in response.content.decode()
    assert not Reminder.objects.exists()


def test_reminders_of_another_cohort_are_404(client_for, other_instructor, cohort, enrollment):
    response = client_for(other_instructor).post(
        send_url(cohort), {"stage": "mindsets", "scope": "selected", "enrollment": [enrollment.pk]}
    )
    assert response.status_code == 404
    assert not Reminder.objects.exists()


def test_reminder_template_edit_validates_placeholders(
    client_for, instructor, cohort, enrollment, django_capture_on_commit_callbacks, run_tasks
):
    url = reverse("coursework:reminder_template", args=[cohort.pk])
    client = client_for(instructor)
    assert "{first_name}" in client.get(url).content.decode()
    response = client.post(url, {"subject": "Hi {name}", "body": "Body"})
    assert response.status_code == 400
    assert "Unknown placeholder: {name}" in response.content.decode()
    response = client.post(url, {"subject": "Nudge for {stage}", "body": "Dear {first_name}, see {link}"})
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(send_url(cohort), {"stage": "research", "scope": "selected", "enrollment": [enrollment.pk]})
    run_tasks()
    assert mail.outbox[0].subject == "Nudge for 3. School and district goals"
    run_tasks()
    assert mail.outbox[0].body.startswith("Dear Tess, see http://testserver/")


def test_dashboard_notes_who_was_reminded(client_for, instructor, cohort, enrollment):
    Reminder.objects.create(
        enrollment=enrollment, stage="research", sent_by=instructor, sent_at=timezone.now() - timedelta(days=2)
    )
    other = UserFactory()
    Reminder.objects.create(
        enrollment=enrollment, stage="mindsets", sent_by=other, sent_at=timezone.now() - timedelta(days=5)
    )
    html = client_for(instructor).get(reverse("coursework:cohort_dashboard", args=[cohort.pk])).content.decode()
    assert "Reminded 2\xa0days ago (Research)" in html


@pytest.mark.parametrize("size", [2, 25])
def test_review_and_stage_pages_query_budget(client_for, instructor, enrollment, size, django_assert_max_num_queries):
    for i in range(size):
        FeedbackFactory(enrollment=enrollment, stage="mindsets", author=instructor, text=f"Note {i}")
    reviewer, teacher = client_for(instructor), client_for(enrollment.teacher)
    reviewer.get(review_url(enrollment))
    teacher.get(reverse("coursework:stage", args=[enrollment.pk, "mindsets"]))
    with django_assert_max_num_queries(8):
        response = reviewer.get(review_url(enrollment))
    assert response.content.decode().count("feedback-item") == size
    with django_assert_max_num_queries(8):
        response = teacher.get(reverse("coursework:stage", args=[enrollment.pk, "mindsets"]))
    assert f"Note {size - 1}" in response.content.decode()


def test_a_reminder_for_a_late_stage_says_when_it_was_due_and_how_late(
    instructor, cohort, enrollment, django_capture_on_commit_callbacks, run_tasks
):
    due = timezone.localdate() - timedelta(days=21)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_send(cohort=cohort, enrollments=[enrollment], stage="research", sender=instructor, due_on=due)
    run_tasks()
    message = mail.outbox[0]
    when = due.strftime("%A, %B %-d")
    # The subject's short date keeps the lateness within its 78 characters.
    assert message.subject == f"Reminder: 3. School and district goals was due {due.strftime('%b %-d')} — 3 weeks late"
    assert f"of {cohort} was due {when} — 3 weeks late." in message.body
    assert "is due" not in message.subject + message.body
