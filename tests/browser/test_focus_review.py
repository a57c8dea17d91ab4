"""From inputs to one agreed focus area, entirely in the browser, with two people."""

import re

import pytest
from playwright.sync_api import expect

from partnerships.models import Comment, FocusArea, FocusAreaChoice, Membership
from tests.browser.conftest import assert_accessible, sign_in
from tests.coursework.factories import CohortFactory, EnrollmentFactory
from tests.partnerships.factories import PASSWORD, MembershipFactory, UserFactory
from tests.partnerships.focus.fixtures import registered_evidence

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    teacher = UserFactory(email="tess@school.test", first_name="Tess", last_name="Teacher")
    enrollment = EnrollmentFactory(cohort=CohortFactory(), teacher=teacher)
    principal = UserFactory(email="pat@school.test", first_name="Pat", last_name="Principal")
    MembershipFactory(partnership=enrollment.partnership, user=principal, role=Membership.Role.ADMINISTRATOR)
    with registered_evidence():
        yield teacher, principal, enrollment


def draft(page, title, need):
    form = page.locator("form:has(input[name=action][value=create])")
    form.get_by_label("Title").fill(title)
    form.get_by_label("The need it answers").fill(need)
    form.get_by_label("Students").check()
    form.get_by_label("Why it matters here").fill("It answers a district goal.")
    form.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text(f"Drafted “{title}”")).to_be_visible()


def test_teacher_and_administrator_agree_on_one_focus_area(people, page, new_page):
    teacher, principal, enrollment = people
    partnership = enrollment.partnership

    # The teacher lays the inputs side by side, drafts three focus areas and shares them.
    sign_in(page, teacher.email, PASSWORD)
    page.goto(f"/course/enrollments/{enrollment.pk}/focus-areas/")
    expect(page.get_by_role("heading", name="Your inputs side by side")).to_be_visible()
    expect(page.get_by_text("Every student reads widely and often.").first).to_be_visible()
    assert_accessible(page)
    draft(page, "Reading for pleasure", "Students in grades 6–8 read less for pleasure each year.")
    draft(page, "Family literacy nights", "Families ask how to help at home.")
    draft(page, "Research skills", "Students struggle to judge sources.")
    first = FocusArea.objects.get(title="Reading for pleasure")
    card = page.locator(f"#focus-{first.pk}")
    card.get_by_label("Evidence for “Reading for pleasure”").select_option("goal:1")
    card.get_by_role("button", name=re.compile("Add evidence")).click()
    expect(
        page.locator(f"#focus-{first.pk}").get_by_role(
            "button", name="Remove evidence from District strategic plan 2025–2028"
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Share with my administrator").click()
    expect(page.get_by_text("Shared 3 focus areas")).to_be_visible()

    # The administrator, in another browser, sees the line on the home page and asks a question.
    admin = new_page()
    sign_in(admin, principal.email, PASSWORD)
    expect(admin.get_by_role("heading", name="Awaiting your review")).to_be_visible()
    assert_accessible(admin)
    admin.get_by_role("link", name=re.compile("3 focus areas from Tess Teacher")).click()
    expect(admin.get_by_role("heading", name="Review of focus areas", level=1)).to_be_visible()
    assert_accessible(admin)
    area = admin.locator(f"#focus-{first.pk}")
    area.get_by_label("A clarification question").check()
    area.get_by_label("Your comment or question").fill("Which grades exactly, and how would we know?")
    area.get_by_role("button", name="Post").click()
    expect(admin.get_by_text("Which grades exactly, and how would we know?")).to_be_visible()
    assert_accessible(admin)

    # The teacher answers and revises.
    question = Comment.objects.get(kind="question")
    page.goto(f"/partnerships/{partnership.pk}/review/")
    thread = page.locator(f"#comment-{question.pk}")
    thread.get_by_label("Your reply").fill("Grades 6 to 8; we would track library checkouts.")
    thread.get_by_role("button", name=re.compile("^Answer")).click()
    expect(page.get_by_text("Grades 6 to 8; we would track library checkouts.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Revise “Reading for pleasure”").click()
    assert_accessible(page)
    page.get_by_label("The need it answers").fill("Students in grades 6 to 8 read less for pleasure each year.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved “Reading for pleasure”")).to_be_visible()

    # The administrator sees what changed since the question, resolves it and proposes the area.
    admin.reload()
    area = admin.locator(f"#focus-{first.pk}")
    expect(area.get_by_text("What changed since this question (version 1 → 2)")).to_be_visible()
    expect(area.locator(".changes ins")).to_contain_text("6 to 8")
    assert_accessible(admin)
    area.get_by_role("button", name="Mark this question resolved").click()
    expect(admin.get_by_text("Marked resolved.")).to_be_visible()
    area = admin.locator(f"#focus-{first.pk}")
    area.get_by_text("Propose “Reading for pleasure” as the one").click()
    area.get_by_label("Why this one").fill("It matches the district goal and we can measure it.")
    area.get_by_role("button", name="Propose this focus area").click()
    expect(admin.get_by_text("It is chosen when the other side confirms.").first).to_be_visible()
    assert_accessible(admin)

    # The teacher confirms: one focus area chosen, the others set aside but kept.
    page.goto(f"/partnerships/{partnership.pk}/review/")
    page.get_by_role("button", name="Confirm “Reading for pleasure”").click()
    expect(page.get_by_text("Chosen: “Reading for pleasure”.")).to_be_visible()
    assert_accessible(page)
    choice = FocusAreaChoice.objects.get(confirmed_at__isnull=False)
    assert (choice.proposed_by, choice.confirmed_by) == (principal, teacher)
    assert sorted(FocusArea.objects.values_list("status", flat=True)) == ["selected", "set_aside", "set_aside"]

    # The second meeting: scheduled with a time zone, its agenda built from the focus areas.
    admin.goto(f"/partnerships/{partnership.pk}/second-meeting/")
    assert_accessible(admin)
    admin.get_by_label("Date").fill("2026-12-03")
    admin.get_by_label("Start time").fill("15:30")
    admin.get_by_label("Time zone").select_option("America/Chicago")
    admin.get_by_label("Place").fill("Principal's office")
    admin.get_by_role("button", name="Save the meeting").click()
    expect(admin.get_by_role("link", name=re.compile("Download the calendar invite"))).to_be_visible()
    admin.get_by_role("button", name=re.compile("Build the agenda")).click()
    # Chosen already, so the agenda confirms the choice instead of asking to choose.
    expect(admin.get_by_text("First ideas for the action plan for “Reading for pleasure”", exact=False)).to_be_visible()
    expect(admin.get_by_text("Choose one focus area and record why.")).to_have_count(0)
    assert_accessible(admin)
