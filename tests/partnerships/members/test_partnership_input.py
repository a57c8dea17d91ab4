"""A partnership title goes into email subjects and calendar files: one line, a set length."""

import html

import pytest
from django.urls import reverse

from partnerships.common.forms import ONE_LINE_MESSAGE
from partnerships.models import Partnership


@pytest.mark.parametrize("title", ["Library\r\nBcc: x@school.test", "Library\nand Lincoln", "Library\x00"])
def test_a_title_with_a_line_break_is_refused_next_to_the_field(client_for, teacher, title):
    before = Partnership.objects.count()
    response = client_for(teacher).post(reverse("partnerships:create"), {"title": title, "school": "Lincoln"})
    assert response.status_code == 200
    page = response.content.decode()
    assert html.escape(ONE_LINE_MESSAGE) in page or "Null characters are not allowed." in page
    assert Partnership.objects.count() == before


def test_a_title_over_the_limit_is_refused_with_the_limit(client_for, teacher):
    response = client_for(teacher).post(reverse("partnerships:create"), {"title": "x" * 201})
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in response.content.decode()
    assert not Partnership.objects.filter(title="x" * 201).exists()
