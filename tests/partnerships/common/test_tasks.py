"""Background tasks: email leaves after the commit from the worker; failures retry, then show."""

import smtplib

from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from coursework.models import CohortInvitation
from partnerships.common.tasks import backoff_delay
from partnerships.notifications.tasks import email_send


class FailingBackend:
    """An email backend whose mail server is down."""

    calls = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        FailingBackend.calls += 1
        raise smtplib.SMTPServerDisconnected("mail server went away")


def invite(client, cohort):
    return client.post(
        reverse("coursework:cohort_invite", args=[cohort.pk]),
        {"email": "new.teacher@school.test", "first_name": "Nia", "last_name": "Novak"},
    )


def test_no_email_is_sent_inside_the_request(client_for, instructor, cohort, run_tasks):
    response = invite(client_for(instructor), cohort)
    assert response.status_code == 302
    assert mail.outbox == []
    results = run_tasks()
    assert [r.task_path for r in results] == ["partnerships.notifications.tasks.email_send"]
    assert [r.status for r in results] == ["SUCCESSFUL"]
    assert [m.to for m in mail.outbox] == [["new.teacher@school.test"]]


def test_a_failing_mail_server_keeps_the_action_retries_then_fails(client_for, instructor, cohort, run_tasks, settings):
    settings.EMAIL_BACKEND = "tests.partnerships.common.test_tasks.FailingBackend"
    FailingBackend.calls = 0
    response = invite(client_for(instructor), cohort)
    assert response.status_code == 302
    assert CohortInvitation.objects.filter(cohort=cohort, email="new.teacher@school.test").exists()

    first = run_tasks()
    assert [r.status for r in first] == ["SUCCESSFUL", "READY"]  # the first run scheduled a retry
    assert first[0].return_value["retried"] is True
    assert first[1].run_after > first[0].finished_at

    results = run_tasks(retries=True)
    assert FailingBackend.calls == 5
    assert [r.status for r in results] == ["SUCCESSFUL"] * 4 + ["FAILED"]
    assert "SMTPServerDisconnected" in results[-1].traceback
    assert CohortInvitation.objects.filter(cohort=cohort, email="new.teacher@school.test").exists()


def test_back_off_doubles():
    assert [backoff_delay(n, base_seconds=60) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]


def test_staff_see_the_failed_task_with_its_error_and_retry_it(client_for, staff, run_tasks, settings):
    settings.EMAIL_BACKEND = "tests.partnerships.common.test_tasks.FailingBackend"
    email_send.enqueue(subject="Hi", body="Hello", to=["someone@school.test"])
    failed = run_tasks(retries=True)[-1]
    assert failed.status == "FAILED"

    admin = client_for(staff)
    listing = admin.get(reverse("admin:django_tasks_database_dbtaskresult_changelist") + "?status__exact=FAILED")
    assert listing.status_code == 200
    assert "SMTPServerDisconnected: mail server went away" in listing.content.decode()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = admin.post(
        reverse("admin:django_tasks_database_dbtaskresult_changelist"),
        {"action": "retry", "_selected_action": [str(failed.pk)]},
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == "READY"
    run_tasks()
    failed.refresh_from_db()
    assert failed.status == "SUCCESSFUL"
    assert [m.to for m in mail.outbox] == [["someone@school.test"]]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 0


def test_teachers_cannot_reach_the_task_admin(client_for, teacher):
    response = client_for(teacher).get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert response.status_code == 302
