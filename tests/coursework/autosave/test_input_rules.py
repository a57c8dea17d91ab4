"""Autosave endpoints clean each value with the same rules as the whole-page forms."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse

from coursework.autosave.services import long_text_field
from coursework.models import Prompt, Reflection
from partnerships.common.forms import CONTROL_MESSAGE

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def url(enrollment):
    prompt = Prompt.objects.for_stage(enrollment.cohort, "mindsets").first()
    return reverse("coursework:reflection_autosave", args=[enrollment.pk, prompt.pk])


def test_autosave_stores_windows_line_breaks_as_one(client_for, enrollment, url):
    response = client_for(enrollment.teacher).post(
        url, {"field": "text", "value": "first line\r\nsecond\tline\rthird", "version": 0}, **HTMX
    )
    assert response.status_code == 200
    assert Reflection.objects.get().text == "first line\nsecond\tline\nthird"


@pytest.mark.parametrize("value", ["bell\x07", "escape\x1b[31m", "right-to-left \u202eoverride"])
def test_autosave_refuses_control_characters_with_the_message(client_for, enrollment, url, value):
    response = client_for(enrollment.teacher).post(url, {"field": "text", "value": value, "version": 0}, **HTMX)
    assert response.status_code == 400
    assert CONTROL_MESSAGE in response.content.decode()
    assert not Reflection.objects.exists()


def test_every_autosave_field_is_a_multiline_field_with_the_rules():
    field = long_text_field(300)
    assert field.planner_text_rules and isinstance(field.widget, forms.Textarea)
    assert field.clean("a\r\nb") == "a\nb"
    with pytest.raises(ValidationError, match="invisible control characters"):
        field.clean("a\x01b")
    with pytest.raises(ValidationError, match="the limit is 300"):
        field.clean("x" * 301)
    assert "Up to 300 characters." in field.help_text
