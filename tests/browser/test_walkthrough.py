"""The stage walk-through in a real browser: autosave, reload, restore, expiry, keyboard."""

import re

import pytest
from playwright.sync_api import expect

from coursework.models import Prompt, Reflection, StageProgress
from coursework.reflections.services import reflection_save
from tests.browser.conftest import assert_accessible, sign_in
from tests.coursework.factories import EnrollmentFactory
from tests.partnerships.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def enrollment():
    return EnrollmentFactory()


def mindset_prompts(enrollment):
    return list(Prompt.objects.for_stage(enrollment.cohort, "mindsets"))


def stage_path(enrollment, slug="mindsets"):
    return f"/course/enrollments/{enrollment.pk}/{slug}/"


def status_of(page, prompt):
    return page.locator(f"#save-status-{prompt.pk}")


def saved_text(enrollment, prompt):
    reflection = Reflection.objects.filter(enrollment=enrollment, prompt=prompt).first()
    return reflection.text if reflection else None


def open_stage(page, enrollment, slug="mindsets"):
    sign_in(page, enrollment.teacher.email, PASSWORD)
    expect(page).to_have_url(re.compile(r"/$"))
    page.goto(stage_path(enrollment, slug))


def test_teacher_answers_mindsets_with_autosave_and_finds_them_after_reload(page, enrollment):
    prompts = mindset_prompts(enrollment)
    open_stage(page, enrollment)
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Stage 1: Mindsets"))
    assert_accessible(page)

    answers = {}
    for index, prompt in enumerate(prompts[:3]):
        text = f"Answer {index + 1}: my administrator and I both care about reading time."
        field = page.get_by_label(prompt.text)
        field.click()
        field.press_sequentially(text[:20], delay=10)
        field.type(text[20:])
        answers[prompt.pk] = text
        expect(status_of(page, prompt)).to_contain_text("Saved at", timeout=8000)
    page.get_by_label(re.compile(r"Carry this insight forward \(answer 2\)")).check()
    expect(status_of(page, prompts[1])).to_contain_text("Saved at")

    for prompt in prompts[:3]:
        assert saved_text(enrollment, prompt) == answers[prompt.pk]
    assert Reflection.objects.get(prompt=prompts[1]).carry_forward is True
    assert enrollment.progress.get(stage="mindsets").status == StageProgress.Status.IN_PROGRESS

    page.reload()
    for prompt in prompts[:3]:
        expect(page.get_by_label(prompt.text)).to_have_value(answers[prompt.pk])
    expect(page.get_by_label(re.compile(r"Carry this insight forward \(answer 2\)"))).to_be_checked()
    stepper_mindsets = page.get_by_role("navigation", name="Unit stages").get_by_role(
        "link", name=re.compile("Mindsets")
    )
    expect(stepper_mindsets).to_have_attribute("aria-current", "step")
    expect(stepper_mindsets).to_contain_text("In progress")
    assert_accessible(page)


def test_a_restored_version_comes_back(page, enrollment):
    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="The thoughtful first draft.")
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="Accidentally replaced.")
    open_stage(page, enrollment)
    expect(page.get_by_label(prompt.text)).to_have_value("Accidentally replaced.")

    page.get_by_role("link", name="Earlier versions of answer 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Earlier versions of your answer")
    expect(page.get_by_role("table")).to_contain_text("The thoughtful first draft.")
    assert_accessible(page)

    page.get_by_role("link", name="Read version 1").click()
    expect(page.locator(".version-text")).to_have_text("The thoughtful first draft.")
    assert_accessible(page)
    page.get_by_role("button", name="Restore version 1").click()

    expect(page.get_by_text("Version 1 is your answer again")).to_be_visible()
    expect(page.get_by_label(prompt.text)).to_have_value("The thoughtful first draft.")
    reflection = Reflection.objects.get(prompt=prompt)
    assert (reflection.text, reflection.version, reflection.history.count()) == ("The thoughtful first draft.", 3, 3)
    assert_accessible(page)


def test_text_typed_after_the_session_expired_is_saved_after_signing_in_again(page, enrollment):
    prompt = mindset_prompts(enrollment)[0]
    open_stage(page, enrollment)
    field = page.get_by_label(prompt.text)
    field.fill("Typed before the session ended.")
    expect(status_of(page, prompt)).to_contain_text("Saved at")
    assert saved_text(enrollment, prompt) == "Typed before the session ended."

    page.context.clear_cookies()  # the session expires while the teacher keeps typing
    field.press("End")
    field.type(" And this was typed after it ended.")
    expect(status_of(page, prompt)).to_contain_text("You were signed out")
    assert_accessible(page)
    assert saved_text(enrollment, prompt) == "Typed before the session ended."

    status_of(page, prompt).get_by_role("link", name="sign in again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Email address").fill(enrollment.teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(re.escape(stage_path(enrollment))))
    full = "Typed before the session ended. And this was typed after it ended."
    expect(page.get_by_label(prompt.text)).to_have_value(full)
    expect(status_of(page, prompt)).to_contain_text("Saved at", timeout=8000)
    assert saved_text(enrollment, prompt) == full
    # Confirmed by the server, so the browser's copy is gone.
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('autosave:')).length") == 0


def test_unsaved_text_survives_a_failing_network_and_a_reload(page, enrollment):
    prompt = mindset_prompts(enrollment)[1]
    open_stage(page, enrollment)
    page.route("**/autosave/", lambda route: route.abort())
    page.get_by_label(prompt.text).fill("Written while the wifi dropped.")
    expect(status_of(page, prompt)).to_contain_text("Not saved — retrying")
    assert saved_text(enrollment, prompt) is None

    page.unroute("**/autosave/")
    expect(status_of(page, prompt)).to_contain_text("Saved at", timeout=8000)
    assert saved_text(enrollment, prompt) == "Written while the wifi dropped."

    page.route("**/autosave/", lambda route: route.abort())
    page.get_by_label(prompt.text).fill("Written while the wifi dropped, and more before a reload.")
    expect(status_of(page, prompt)).to_contain_text("Not saved")
    page.unroute("**/autosave/")
    page.reload()
    expect(page.get_by_label(prompt.text)).to_have_value("Written while the wifi dropped, and more before a reload.")
    expect(status_of(page, prompt)).to_contain_text("Saved at", timeout=8000)
    assert saved_text(enrollment, prompt) == "Written while the wifi dropped, and more before a reload."


def test_two_tabs_never_overwrite_each_other_silently(new_page, enrollment):
    prompt = mindset_prompts(enrollment)[0]
    first = new_page()
    open_stage(first, enrollment)
    second = first.context.new_page()
    second.goto(stage_path(enrollment))

    first.get_by_label(prompt.text).fill("Written in the first tab.")
    expect(status_of(first, prompt)).to_contain_text("Saved at")
    second.get_by_label(prompt.text).fill("Written in the second tab.")
    expect(status_of(second, prompt)).to_contain_text("changed elsewhere")
    conflict = second.locator(".autosave-conflict")
    expect(conflict).to_contain_text("Written in the first tab.")
    expect(conflict).to_contain_text("Written in the second tab.")
    assert saved_text(enrollment, prompt) == "Written in the first tab."
    assert_accessible(second)

    conflict.get_by_role("button", name="Keep my text").click()
    expect(status_of(second, prompt)).to_contain_text("Saved at")
    assert saved_text(enrollment, prompt) == "Written in the second tab."


def test_keyboard_only_path_through_the_stage_page(page, enrollment):
    prompts = mindset_prompts(enrollment)
    open_stage(page, enrollment)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")

    first_field = page.get_by_label(prompts[0].text)
    for _ in range(60):
        page.keyboard.press("Tab")
        if first_field.evaluate("el => el === document.activeElement"):
            break
    expect(first_field).to_be_focused()
    page.keyboard.type("Typed with the keyboard only.")
    page.keyboard.press("Tab")  # leaving the field saves at once
    carry = page.get_by_label(re.compile(r"Carry this insight forward \(answer 1\)"))
    expect(carry).to_be_focused()
    expect(status_of(page, prompts[0])).to_contain_text("Saved at")
    page.keyboard.press("Space")
    expect(carry).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Earlier versions of answer 1")).to_be_focused()

    submit = page.get_by_role("button", name="Mark this stage ready for review")
    for _ in range(80):
        page.keyboard.press("Tab")
        if submit.evaluate("el => el === document.activeElement"):
            break
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="7 are still empty")).to_be_visible()
    assert Reflection.objects.get(prompt=prompts[0]).carry_forward is True
    assert_accessible(page)


def test_stage_page_fits_a_phone(new_page, enrollment):
    page = new_page(viewport={"width": 375, "height": 740})
    open_stage(page, enrollment)
    prompt = mindset_prompts(enrollment)[0]
    page.get_by_label(prompt.text).fill("Typed on a phone.")
    expect(status_of(page, prompt)).to_contain_text("Saved at")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_browser_copy_older_than_a_newer_save_elsewhere_is_offered_not_forced(page, enrollment):
    prompt = mindset_prompts(enrollment)[2]
    open_stage(page, enrollment)
    field = page.get_by_label(prompt.text)
    field.fill("Saved first.")
    expect(status_of(page, prompt)).to_contain_text("Saved at")
    page.route("**/autosave/", lambda route: route.abort())
    field.fill("Saved first. Then typed offline in this browser.")
    expect(status_of(page, prompt)).to_contain_text("Not saved")
    # Meanwhile the answer is saved from another device.
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="Rewritten on the tablet.")
    page.unroute("**/autosave/")
    page.reload()

    conflict = page.locator(".autosave-conflict")
    expect(conflict).to_contain_text("Rewritten on the tablet.")
    expect(conflict).to_contain_text("Saved first. Then typed offline in this browser.")
    expect(field).to_have_value("Rewritten on the tablet.")
    assert saved_text(enrollment, prompt) == "Rewritten on the tablet."
    assert_accessible(page)

    conflict.get_by_role("button", name="Keep the text from this browser").click()
    expect(field).to_have_value("Saved first. Then typed offline in this browser.")
    expect(status_of(page, prompt)).to_contain_text("Saved at")
    assert saved_text(enrollment, prompt) == "Saved first. Then typed offline in this browser."
    assert Reflection.objects.get(prompt=prompt).history.count() == 3
