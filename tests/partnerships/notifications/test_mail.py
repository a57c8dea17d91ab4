"""Email never undoes what the user did: subjects are safe, and sending is the worker's job
(partnerships/notifications/tasks.py), after the commit."""

import pytest
from django.core import mail
from django.urls import reverse

from partnerships.models import Comment, User
from partnerships.notifications.subjects import safe_subject
from tests.partnerships.focus.fixtures import share_areas

pytestmark = pytest.mark.django_db


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def comment(client, fa, body="Which grades exactly?"):
    return client.post(
        reverse("partnerships:comment_create", args=[fa.pk]),
        {f"comment{fa.pk}-kind": "question", f"comment{fa.pk}-body": body},
    )


@pytest.fixture
def area(partnership, teacher, administrator):
    # A name stored before names were validated.
    User.objects.filter(pk=administrator.pk).update(first_name="Pat\nRoot", last_name="Principal\r\nX")
    return share_areas(partnership, teacher, n=2)[0]


def test_comment_by_a_person_whose_name_has_a_line_break_succeeds_and_mails(
    area, administrator, teacher, client_for, run_tasks
):
    run_tasks()  # the sharing notices queued while the area was set up
    mail.outbox.clear()
    response = comment(client_for(administrator), area)
    run_tasks()
    assert response.status_code == 302
    assert Comment.objects.filter(focus_area=area).exists()
    assert [m.to for m in mail.outbox] == [[teacher.email]]
    subject = mail.outbox[0].subject
    assert "\n" not in subject and "\r" not in subject
    assert len(subject) <= 78


def test_a_failing_mail_backend_leaves_the_comment_created(area, administrator, client_for, settings, run_tasks):
    settings.EMAIL_BACKEND = "tests.partnerships.notifications.test_mail.BrokenBackend"
    response = comment(client_for(administrator), area)
    run_tasks()  # the send fails in the worker, which schedules a retry
    assert response.status_code == 302
    assert Comment.objects.filter(focus_area=area).exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Short\nand\r\nsweet\t!", "Short and sweet !"),
        ("a\x00b\x85c", "a b c"),
        ("word " * 30, ("word " * 15).strip() + "…"),
    ],
)
def test_safe_subject_is_one_short_line(text, expected):
    assert safe_subject(text) == expected


def test_safe_subject_closes_a_quote_it_cut_open():
    subject = safe_subject("Pat commented on “" + "very long title " * 10 + "”")
    assert len(subject) <= 78
    assert subject.endswith("…”")
    assert "\n" not in subject


def test_a_million_character_comment_is_refused_next_to_the_field(area, administrator, client_for):
    too_long = comment(client_for(administrator), area, body="x" * 4_001)
    assert too_long.status_code == 400
    assert "at most 4000 characters" in too_long.content.decode()
    huge = comment(client_for(administrator), area, body="x" * 1_000_000)
    assert huge.status_code == 400
    assert not Comment.objects.filter(focus_area=area).exists()
