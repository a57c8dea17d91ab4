"""Text typed into an ordinary form survives a reload and an expired sign-in (app.js)."""

import pytest
from playwright.sync_api import expect

from partnerships.models import FocusArea
from tests.browser.conftest import assert_accessible, sign_in
from tests.partnerships.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEED = "Sixth graders borrow half as many books as two years ago; families ask for reading help."


def stage_url(enrollment):
    return f"/course/enrollments/{enrollment.pk}/focus-areas/"


def test_typed_text_comes_back_after_a_reload(page, enrollment):
    sign_in(page, enrollment.teacher.email, PASSWORD)
    page.goto(stage_url(enrollment))
    page.get_by_label("The need it answers").fill(NEED)
    page.reload()
    expect(page.get_by_label("The need it answers")).to_have_value(NEED)
    expect(page.get_by_text("We put back text you typed earlier")).to_be_visible()
    assert_accessible(page)


def test_text_sent_after_the_session_expired_is_kept_until_it_is_saved(page, enrollment):
    sign_in(page, enrollment.teacher.email, PASSWORD)
    page.goto(stage_url(enrollment))
    page.get_by_label("Title").fill("Reading for pleasure")
    page.get_by_label("The need it answers").fill(NEED)
    page.get_by_label("Students").check()
    page.context.clear_cookies(name="sessionid")  # the sign-in expired; the CSRF cookie lives on
    page.get_by_role("button", name="Save draft").click()

    # The post went to the sign-in page; signing in brings the teacher back to the form.
    page.get_by_role("heading", name="Sign in").wait_for()
    page.get_by_label("Email address").fill(enrollment.teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{stage_url(enrollment)}")
    expect(page.get_by_label("The need it answers")).to_have_value(NEED)
    assert not FocusArea.objects.exists()

    page.get_by_label("Title").fill("Reading for pleasure")
    page.get_by_label("Students").check()
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Drafted “Reading for pleasure”").wait_for()
    assert FocusArea.objects.get().need == NEED

    # Once the server confirmed it, the copy is forgotten: the empty form stays empty.
    page.reload()
    expect(page.get_by_label("The need it answers")).to_have_value("")
    expect(page.get_by_text("We put back text you typed earlier")).to_have_count(0)
