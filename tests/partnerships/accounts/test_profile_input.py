"""The profile refuses names that would break an email header, and says so next to the field."""

import html

import pytest
from django.urls import reverse

from partnerships.common.forms import ONE_LINE_MESSAGE
from partnerships.models import User


@pytest.mark.parametrize(
    "first_name",
    ["Tess\r\nBcc: everyone@school.test", "Tess\nTeacher", "Tess\tTeacher", "Tess\x0bTeacher", "Tess\u2028Teacher"],
    ids=["crlf-header", "lf", "tab", "vertical-tab", "line-separator"],
)
def test_a_line_break_in_a_name_is_refused_with_the_message(client_for, teacher, first_name):
    response = client_for(teacher).post(
        reverse("profile"), {"first_name": first_name, "last_name": "Teacher", "notification_preference": "digest"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert html.escape(ONE_LINE_MESSAGE) in page
    assert User.objects.get(pk=teacher.pk).first_name == "Tess"


def test_the_profile_shows_each_name_limit(client_for, teacher):
    page = client_for(teacher).get(reverse("profile")).content.decode()
    assert "Up to 150 characters." in page and 'maxlength="150"' in page
    assert "Up to 200 characters." in page and 'maxlength="200"' in page


def test_an_ordinary_name_with_accents_and_a_hyphen_is_saved(client_for, teacher):
    response = client_for(teacher).post(
        reverse("profile"),
        {
            "first_name": "Zoë-Anne",
            "last_name": "O’Brien",
            "job_title": "Librarian",
            "notification_preference": "digest",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(pk=teacher.pk).first_name == "Zoë-Anne"
