"""Every stage page, by keyboard alone: each control is reached by Tab, shows where the
focus is, and the stepper moves between stages; axe checks each page on the way."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from coursework.models import Enrollment
from coursework.stages.registry import STAGES
from partnerships.models import User
from tests.browser.conftest import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "partnership-demo"

# What a person can Tab to: visible, enabled, and for a radio group only its entry point
# (arrow keys move within a group, as in every browser).
MARK_TAB_STOPS = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
    + ' select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  const groups = new Set();
  let count = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
    if (el.closest('[inert], [aria-hidden=true]')) continue;
    if (el.type === 'radio') {
      const checked = el.form && [...el.form.querySelectorAll(`input[type=radio][name="${el.name}"]`)].find(r => r.checked);
      if (groups.has(el.name) || (checked && checked !== el)) continue;
      groups.add(el.name);
    }
    el.dataset.kbStop = String(count++);
  }
  return count;
}"""

# The focused element's stop number and whether its focus is drawn (outline or ring).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow && style.boxShadow !== 'none';
  return {stop: el.dataset.kbStop ?? null, visible: outline || ring, what: el.outerHTML.slice(0, 120)};
}"""


@pytest.fixture
def demo_teacher():
    call_command("seed_demo", verbosity=0)
    teacher = User.objects.get(email="teacher@demo.test")
    return teacher, Enrollment.objects.get(teacher=teacher)


def tab_through(page):
    """Press Tab until the focus leaves the page; return the stops reached, failing on an unmarked focus."""
    total = page.evaluate(MARK_TAB_STOPS)
    reached, hidden_focus, previous = set(), [], None
    # A date input takes three Tabs (month, day, year), so allow for more presses than stops.
    for _ in range(total * 3 + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        stop = focused["stop"]
        if stop is not None and stop != previous:
            if stop in reached:
                break  # wrapped around to the top
            reached.add(stop)
        previous = stop
        if not focused["visible"]:
            hidden_focus.append(focused["what"])
    return total, reached, hidden_focus


def test_every_stage_page_works_by_keyboard_alone(page, demo_teacher):
    teacher, enrollment = demo_teacher
    sign_in(page, teacher.email, DEMO_PASSWORD)
    expect(page).to_have_url(re.compile(r"/$"))

    for stage in STAGES:
        page.goto(f"/course/enrollments/{enrollment.pk}/{stage.slug}/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

        total, reached, hidden_focus = tab_through(page)
        missed = page.evaluate(
            "(reached) => [...document.querySelectorAll('[data-kb-stop]')]"
            ".filter(el => !reached.includes(el.dataset.kbStop)).map(el => el.outerHTML.slice(0, 120))",
            sorted(reached),
        )
        assert total > 5, f"{stage.slug}: only {total} tab stops found"
        assert not missed, f"{stage.slug}: not reachable with Tab: {missed[:5]}"
        assert not hidden_focus, f"{stage.slug}: focus not drawn on: {hidden_focus[:5]}"

    # The stepper moves between stages with the keyboard: focus the next stage's link, Enter.
    page.goto(f"/course/enrollments/{enrollment.pk}/mindsets/")
    stepper = page.get_by_role("navigation", name=re.compile("stages", re.I))
    next_stage = stepper.get_by_role("link", name=re.compile(STAGES[1].short_title, re.I))
    for _ in range(40):
        page.keyboard.press("Tab")
        if next_stage.evaluate("el => el === document.activeElement"):
            break
    expect(next_stage).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{STAGES[1].slug}/$"))
    expect(stepper.get_by_role("link", name=re.compile(STAGES[1].short_title, re.I))).to_have_attribute(
        "aria-current", re.compile("page|step")
    )
