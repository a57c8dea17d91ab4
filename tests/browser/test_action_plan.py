"""Teacher and principal build the action plan together in two browsers.

They start the plan from the selected focus area, add an outcome and a step, collide on
the same outcome (the later save is refused with both versions shown and merged), both
confirm the agreement, hold a touch point and see progress on the partnership page.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from partnerships.models import ActionPlan, FocusArea, Outcome, Partnership
from tests.browser.conftest import assert_accessible, sign_in
from tests.partnerships.factories import PASSWORD, SelectedFocusAreaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_teacher_and_principal_build_and_review_a_plan(new_page, teacher, administrator, partnership):
    SelectedFocusAreaFactory(
        partnership=partnership, title="Reading for pleasure", status=FocusArea.Status.SELECTED, created_by=teacher
    )
    plan_path = f"/partnerships/{partnership.pk}/plan/"

    tess = new_page()
    sign_in(tess, teacher.email, PASSWORD)
    tess.goto(plan_path)
    assert_accessible(tess)
    tess.get_by_role("button", name="Start the action plan").click()
    expect(tess.get_by_role("heading", level=1)).to_have_text("Action plan: Reading for pleasure")
    tess.get_by_label("Your idea").fill("A lunchtime book club")
    tess.get_by_role("button", name="Add idea").click()
    expect(tess.get_by_text("A lunchtime book club", exact=True)).to_be_visible()
    assert_accessible(tess)

    tess.get_by_role("link", name="Edit the goal and communication").click()
    tess.get_by_label("Goal statement").fill("By June, half of our students read for pleasure every week.")
    tess.get_by_role("button", name="Save").click()
    tess.get_by_role("link", name="Add an outcome").click()
    assert_accessible(tess)
    tess.get_by_label("Measure").fill("Students reading weekly (%)")
    tess.get_by_label("Baseline").fill("23")
    tess.get_by_label("Target", exact=True).fill("50")
    tess.get_by_label("Target date").fill("2027-06-01")
    tess.get_by_label("Data source").fill("Library survey")
    tess.get_by_role("button", name="Save").click()
    expect(tess.get_by_role("row", name=re.compile("Students reading weekly"))).to_be_visible()

    pat = new_page()
    sign_in(pat, administrator.email, PASSWORD)
    pat.goto(plan_path)
    assert_accessible(pat)
    pat.get_by_role("link", name="Add a step").click()
    pat.get_by_label("Title").fill("Run the baseline survey in advisory")
    pat.get_by_label("Owner", exact=True).select_option(label="Pat Principal (administrator)")
    pat.get_by_label("Due date").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    pat.get_by_label("Status").select_option(label="In progress")
    pat.get_by_role("button", name="Save").click()
    expect(pat.get_by_role("row", name=re.compile("Run the baseline survey"))).to_be_visible()

    # Both open the same outcome; the principal saves first, the teacher's save is refused.
    outcome = Outcome.objects.get()
    edit_path = f"/partnerships/{partnership.pk}/items/outcome/{outcome.pk}/edit/"
    tess.goto(edit_path)
    pat.goto(edit_path)
    pat.get_by_label("Target", exact=True).fill("60")
    pat.get_by_label("Data source").fill("District survey")
    pat.get_by_role("button", name="Save").click()
    expect(pat.get_by_text("The outcome is saved.")).to_be_visible()

    tess.get_by_label("Data source").fill("Library survey, each term")
    tess.get_by_role("button", name="Save").click()
    expect(tess.get_by_role("heading", name=re.compile("Not saved: Pat Principal saved this outcome"))).to_be_visible()
    comparison = tess.get_by_role("table", name=re.compile("Saved version and your unsaved version"))
    expect(comparison.get_by_role("row", name=re.compile("Data source"))).to_contain_text("District survey")
    expect(comparison.get_by_role("row", name=re.compile("Data source"))).to_contain_text("Library survey, each term")
    expect(tess.get_by_label("Data source")).to_have_value("District survey")
    expect(tess.get_by_label("Target", exact=True)).to_have_value("60.00")
    expect(tess.locator("#mine-data_source")).to_contain_text("Library survey, each term")
    assert_accessible(tess)
    tess.get_by_role("button", name="Use my value for Data source").click()
    expect(tess.get_by_label("Data source")).to_have_value("Library survey, each term")
    tess.get_by_label("Data source").fill("Library survey, each term; district survey in May")
    tess.get_by_role("button", name="Save my merged version").click()
    expect(tess.get_by_text("The outcome is saved.")).to_be_visible()
    outcome.refresh_from_db()
    assert (outcome.version, outcome.target) == (3, 60)
    assert outcome.data_source == "Library survey, each term; district survey in May"

    tess.get_by_role("link", name="History of changes").click()
    expect(tess.get_by_text(re.compile("Pat Principal changed the outcome"))).to_be_visible()
    assert_accessible(tess)
    tess.goto(f"/partnerships/{partnership.pk}/plan/print/")
    expect(tess.get_by_role("heading", name="Outcomes")).to_be_visible()
    assert_accessible(tess)

    # Both confirm the agreement: the partnership is committed.
    tess.goto(f"/partnerships/{partnership.pk}/agreement/")
    assert_accessible(tess)
    tess.get_by_role("link", name="Write the agreement").click()
    tess.get_by_label("Shared goals").fill("Every student finds a book they love.")
    tess.get_by_label("How we respect each other's time").fill("Start and end on time; agenda the day before.")
    tess.get_by_label("Meeting cadence").fill("Every other Tuesday, 30 minutes")
    assert_accessible(tess)
    tess.get_by_role("button", name="Save").click()
    tess.get_by_role("button", name="I confirm this agreement (version 1)").click()
    expect(tess.get_by_text("You confirmed this version.")).to_be_visible()
    pat.goto(f"/partnerships/{partnership.pk}/agreement/")
    pat.get_by_role("button", name="I confirm this agreement (version 1)").click()
    expect(pat.get_by_text("Every member has confirmed.")).to_be_visible()
    expect(pat.get_by_text("Partnership status: Committed")).to_be_visible()
    assert_accessible(pat)
    assert Partnership.objects.get(pk=partnership.pk).status == "committed"

    # A touch point is scheduled, held and recorded; progress shows.
    tess.goto(f"/partnerships/{partnership.pk}/touch-points/")
    assert_accessible(tess)
    tess.get_by_role("link", name="Schedule a touch point").click()
    tess.get_by_label("Title").fill("First review")
    tess.get_by_label("Date").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    tess.get_by_label(re.compile(r"^\s*Time\W*$")).fill("15:30")
    tess.get_by_label("Place or link").fill("Library workroom")
    assert_accessible(tess)
    tess.get_by_role("button", name="Save").click()
    tess.get_by_role("link", name="First review", exact=True).click()
    assert_accessible(tess)
    tess.get_by_role("link", name="Record this touch point").click()
    tess.get_by_label(re.compile("Students reading weekly")).fill("31")
    for trait in ["Trust", "Transparency", "Communication", "Honest assessment", "Time respected", "Relevance"]:
        tess.get_by_label(re.compile(rf"^\s*{trait}.*\(1 low")).select_option("4")
    tess.get_by_label("Reflections").fill("A good start; survey return rate was low.")
    tess.get_by_label("Next steps").fill("Ask advisory teachers to remind students.")
    assert_accessible(tess)
    tess.get_by_role("button", name="Save the record").click()
    expect(tess.get_by_role("heading", name="Health check")).to_be_visible()
    assert_accessible(tess)

    pat.goto(f"/partnerships/{partnership.pk}/")
    progress = pat.get_by_role("table", name=re.compile("Readings for Students reading weekly"))
    expect(progress.get_by_role("row", name=re.compile("First review"))).to_contain_text("31")
    expect(pat.get_by_role("img", name=re.compile("Students reading weekly.*: baseline"))).to_be_visible()
    assert_accessible(pat)
    assert ActionPlan.objects.get().outcomes.get().current_value == 31
