"""The autosave endpoint: one field per POST, fragments, conflicts, limits and expiry."""

from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coursework.models import MAX_REFLECTION_CHARS, Prompt, Reflection, StageProgress
from coursework.reflections.services import reflection_save

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def prompt(enrollment):
    return Prompt.objects.for_stage(enrollment.cohort, "mindsets").first()


@pytest.fixture
def url(enrollment, prompt):
    return reverse("coursework:reflection_autosave", args=[enrollment.pk, prompt.pk])


def post(client, url, value, version=0, field="text"):
    return client.post(url, {"field": field, "value": value, "version": version}, **HTMX)


def test_autosave_saves_one_field_and_says_when(client_for, enrollment, prompt, url, settings):
    settings.TIME_ZONE = "Asia/Kolkata"  # display follows the server's time zone setting
    response = post(client_for(enrollment.teacher), url, "Typed without pressing Save")
    assert response.status_code == 200
    reflection = Reflection.objects.get(enrollment=enrollment, prompt=prompt)
    assert reflection.text == "Typed without pressing Save"
    assert response["X-Autosave-Version"] == "1"
    assert response["Cache-Control"] == "no-store"
    local = timezone.localtime(reflection.updated_at, ZoneInfo("Asia/Kolkata"))
    assert f'Saved at <time datetime="{local.isoformat()}">{local:%H:%M}</time>' in response.content.decode()
    assert enrollment.progress.get(stage="mindsets").status == StageProgress.Status.IN_PROGRESS


def test_autosave_carry_forward_checkbox(client_for, enrollment, prompt, url):
    client = client_for(enrollment.teacher)
    post(client, url, "An insight")
    response = post(client, url, "on", version=1, field="carry_forward")
    assert response.status_code == 200
    assert Reflection.objects.get(prompt=prompt).carry_forward is True
    post(client, url, "", version=2, field="carry_forward")
    assert Reflection.objects.get(prompt=prompt).carry_forward is False


def test_stale_version_is_refused_showing_both_texts(client_for, enrollment, prompt, url):
    client = client_for(enrollment.teacher)
    post(client, url, "Saved in the other tab")
    response = post(client, url, "Typed in this tab <b>", version=0)
    assert response.status_code == 409
    assert response["X-Autosave-Version"] == "1"
    html = response.content.decode()
    assert "changed elsewhere" in html
    assert "Saved in the other tab" in html
    assert "Typed in this tab &lt;b&gt;" in html
    assert 'data-autosave-action="keep-mine"' in html
    assert Reflection.objects.get(prompt=prompt).text == "Saved in the other tab"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"field": "text", "value": "x", "version": "abc"}, "no valid version"),
        ({"field": "text", "value": "x"}, "no valid version"),
        ({"field": "text", "value": "x", "version": "-1"}, "no valid version"),
        ({"field": "prompt", "value": "x", "version": "0"}, "does not exist"),
        ({"field": "text", "value": "nul\x00char", "version": "0"}, "Null characters"),
    ],
)
def test_bad_input_is_a_clear_400_not_a_500(client_for, enrollment, url, data, message):
    response = client_for(enrollment.teacher).post(url, data, **HTMX)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Reflection.objects.exists()


def test_hundred_thousand_characters_are_refused_with_the_limit(client_for, enrollment, url):
    response = post(client_for(enrollment.teacher), url, "a" * 100_000)
    assert response.status_code == 400
    html = response.content.decode()
    assert "100,000 characters" in html
    assert f"{MAX_REFLECTION_CHARS:,}" in html
    assert not Reflection.objects.exists()


def test_text_at_the_limit_is_saved_exactly(client_for, enrollment, prompt, url):
    text = "\n  leading and trailing whitespace kept  \n" + "b" * (MAX_REFLECTION_CHARS - 42)
    assert len(text) == MAX_REFLECTION_CHARS
    assert post(client_for(enrollment.teacher), url, text).status_code == 200
    assert Reflection.objects.get(prompt=prompt).text == text


def test_signed_out_autosave_answers_401_with_a_sign_in_hint(enrollment, url):
    response = post(Client(enforce_csrf_checks=True), url, "typed after the session ended")
    assert response.status_code == 401
    assert response["X-Login-URL"] == reverse("login")
    html = response.content.decode()
    assert "You were signed out" in html
    assert "data-autosave-login" in html
    assert not Reflection.objects.exists()


def test_csrf_is_still_checked_for_signed_in_people(enrollment, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(enrollment.teacher)
    response = post(client, url, "no token")
    assert response.status_code == 403
    assert "out of date" in response.content.decode()
    assert not Reflection.objects.exists()


def test_csrf_token_lets_the_save_through(enrollment, prompt, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(enrollment.teacher)
    page = client.get(reverse("coursework:stage", args=[enrollment.pk, "mindsets"]))
    token = page.context["csrf_token"]
    response = client.post(
        url, {"field": "text", "value": "with token", "version": 0}, HTTP_X_CSRFTOKEN=str(token), **HTMX
    )
    assert response.status_code == 200
    assert Reflection.objects.get(prompt=prompt).text == "with token"


def test_get_is_not_allowed(client_for, enrollment, url):
    assert client_for(enrollment.teacher).get(url).status_code == 405


@pytest.mark.parametrize("who", ["instructor", "administrator", "colleague", "other_teacher", "other_instructor"])
def test_only_the_teacher_can_autosave(request, client_for, url, who):
    person = request.getfixturevalue(who)
    assert post(client_for(person), url, "not mine").status_code == 404
    assert not Reflection.objects.exists()


def test_a_prompt_of_another_cohort_is_404(client_for, enrollment, other_enrollment):
    other_prompt = Prompt.objects.for_stage(other_enrollment.cohort, "mindsets").first()
    url = reverse("coursework:reflection_autosave", args=[enrollment.pk, other_prompt.pk])
    assert post(client_for(enrollment.teacher), url, "x").status_code == 404


def test_retry_of_a_save_that_arrived_is_harmless(client_for, enrollment, prompt, url):
    client = client_for(enrollment.teacher)
    assert post(client, url, "once").status_code == 200
    response = post(client, url, "once", version=0)
    assert response.status_code == 200
    assert response["X-Autosave-Version"] == "1"
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="twice")
    assert Reflection.objects.get(prompt=prompt).history.count() == 2
