"""A teacher does stages 2–4 from an empty enrollment in a real browser."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from coursework.models import ChosenPractice, Practice, Rating, ResearchSource, StrategicGoal
from coursework.selfassessment.frameworks import default_framework
from partnerships.meetings.services import STARTER_QUESTIONS
from partnerships.models import Meeting, Membership, Opportunity
from tests.browser.conftest import assert_accessible, sign_in
from tests.coursework.factories import EnrollmentFactory
from tests.partnerships.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page):
    """axe on a settled page: no hovered or focused button caught mid-transition."""
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(300)
    assert_accessible(page)


def test_teacher_completes_self_reflection_research_and_first_meeting(page, new_page, live_server):
    teacher = UserFactory(email="journey@school.test", first_name="Jo", last_name="Teacher")
    enrollment = EnrollmentFactory(teacher=teacher)
    framework = default_framework()
    practices = list(Practice.objects.filter(domain__framework=framework).select_related("domain"))
    sign_in(page, teacher.email, PASSWORD)
    base = f"/course/enrollments/{enrollment.pk}"

    # Stage 2: rate practices with evidence, then choose strengths and growth areas.
    page.goto(f"{base}/self-reflection/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Stage 2")
    check(page)
    for practice, level in zip(practices[:3], ("4 Leading", "3 Proficient", "2 Developing"), strict=True):
        form = page.locator(f"#practice-{practice.pk}")
        form.get_by_label(level).check()
        form.get_by_label("Evidence (optional)").fill(f"Evidence for {practice.position}")
        form.get_by_label("Evidence (optional)").press("Tab")  # the evidence saves itself on leaving the field
        expect(form.locator("[data-autosave-status]")).to_contain_text("Saved at")
        form.get_by_role("button", name="Save").click()
        expect(page).to_have_url(re.compile(rf"/self-reflection/#practice-{practice.pk}$"))
        expect(page.get_by_text("Rating saved.")).to_be_visible()
    assert Rating.objects.filter(level__isnull=False).count() == 3
    assert page.get_by_text("3 of 27").first.is_visible()

    choices = page.locator("form.choices-form")
    strengths = choices.locator("fieldset", has_text="Your strengths")
    growth = choices.locator("fieldset", has_text="Your areas for growth")
    strengths.get_by_label(practices[0].statement, exact=False).check()
    choices.get_by_role("button", name="Save strengths and areas for growth").click()
    assert page.get_by_text("Choose 2 or 3 strengths; you chose 1.").is_visible()
    check(page)
    strengths = page.locator("form.choices-form fieldset", has_text="Your strengths")
    growth = page.locator("form.choices-form fieldset", has_text="Your areas for growth")
    assert strengths.get_by_label(practices[0].statement, exact=False).is_checked(), "the first choice is kept"
    strengths.get_by_label(practices[1].statement, exact=False).check()
    growth.get_by_label(practices[2].statement, exact=False).check()
    growth.get_by_label(practices[5].statement, exact=False).check()
    page.get_by_role("button", name="Save strengths and areas for growth").click()
    assert page.get_by_text("Your strengths and areas for growth are saved.").is_visible()
    assert ChosenPractice.objects.count() == 4

    page.get_by_role("link", name="See your results practice by practice").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Self-reflection results"
    assert page.get_by_text("3.0 of 4").first.is_visible()
    check(page)

    # Stage 3: a source (a bad web address first) and a goal.
    page.goto(f"{base}/research/")
    check(page)
    page.get_by_label("Title").fill("Riverside USD Strategic Plan")
    page.get_by_label("Kind of source").select_option("strategic_plan")
    page.get_by_label("Web address (optional)").fill("javascript:alert(1)")
    page.get_by_label("Your notes").fill("Literacy is priority one.")
    page.get_by_role("button", name="Add source").click()
    assert page.get_by_text("starts with http:// or https://").first.is_visible()
    assert page.get_by_label("Your notes").input_value() == "Literacy is priority one."
    check(page)
    page.get_by_label("Web address (optional)").fill("https://district.example.org/plan")
    page.get_by_role("button", name="Add source").click()
    assert page.get_by_role("link", name="Riverside USD Strategic Plan", exact=True).is_visible()
    page.locator("#id_statement").fill("75% of grade 8 students reading at grade level by 2028.")
    page.get_by_label("District").check()
    page.get_by_label("Where you found it (optional)").select_option(label="Riverside USD Strategic Plan")
    page.get_by_role("button", name="Add goal").click()
    assert page.get_by_text("From “Riverside USD Strategic Plan”").is_visible()
    assert ResearchSource.objects.count() == 1 and StrategicGoal.objects.count() == 1
    check(page)

    # Stage 4: schedule the meeting and download the invitation.
    page.goto(f"{base}/first-meeting/")
    check(page)
    page.get_by_label("Who you are meeting").fill("Pat Principal, Principal")
    page.get_by_label("Date").fill("2026-12-03")
    page.get_by_label("Start time").fill("15:30")
    page.get_by_label("Time zone").select_option("America/Chicago")
    page.get_by_label("Place (optional)").fill("Principal’s office")
    page.get_by_role("button", name="Save meeting details").click()
    assert page.get_by_text("starter list of questions").first.is_visible()
    check(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download calendar invitation (.ics)").click()
    ics = Path(download_info.value.path()).read_bytes()
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == datetime(2026, 12, 3, 15, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert event["DTSTART"].params["TZID"] == "America/Chicago"
    assert "Pat Principal" in str(event["SUMMARY"])

    # The question list: move, remove, edit notes, add.
    meeting = Meeting.objects.get()
    questions = list(meeting.questions.all())
    page.locator(f"#question-{questions[1].pk}").get_by_role("button", name="Move up").click()
    page.wait_for_url(f"**#question-{questions[1].pk}")
    assert list(meeting.questions.values_list("pk", flat=True))[:2] == [questions[1].pk, questions[0].pk]
    page.locator(f"#question-{questions[2].pk}").get_by_role("button", name="Remove").click()
    assert page.get_by_text(f"Removed the question “{STARTER_QUESTIONS[2]}”").is_visible()
    card = page.locator(f"#question-{questions[0].pk}")
    card.get_by_label("Question").fill("What are you proudest of this year?")
    card.get_by_label("Your notes of the answer").fill("Pride in the new makerspace.")
    card.get_by_label("Your notes of the answer").press("Tab")
    expect(card.locator("[data-autosave-status]")).to_contain_text("Saved at")
    card.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Question saved.")).to_be_visible()
    # Notes save by themselves (autosave) and survive a reload without pressing Save.
    autosaved = page.locator(f"#question-{questions[3].pk}")
    autosaved.get_by_label("Your notes of the answer").fill("Teachers need help with research units.")
    autosaved.get_by_label("Your notes of the answer").press("Tab")
    expect(autosaved.locator("[data-autosave-status]")).to_contain_text("Saved at")
    page.reload()
    notes = page.locator(f"#question-{questions[3].pk}").get_by_label("Your notes of the answer")
    assert notes.input_value() == "Teachers need help with research units."
    page.get_by_label("New question").fill("What would make this partnership worth your time?")
    page.get_by_role("button", name="Add question").click()
    assert meeting.questions.count() == len(STARTER_QUESTIONS)
    edited = meeting.questions.get(pk=questions[0].pk)
    assert (edited.text, edited.notes) == ("What are you proudest of this year?", "Pride in the new makerspace.")

    page.locator("form", has=page.get_by_role("button", name="Add to the shortlist")).get_by_label(
        "Area of opportunity or need"
    ).fill("Family literacy evenings with the public library")
    page.get_by_role("button", name="Add to the shortlist").click()
    assert Opportunity.objects.get().text == "Family literacy evenings with the public library"
    check(page)

    # The administrator, once a member, sees the meeting and shortlist, never the self-reflection.
    principal = UserFactory(email="pat@school.test", first_name="Pat", last_name="Principal")
    MembershipFactory(partnership=enrollment.partnership, user=principal, role=Membership.Role.ADMINISTRATOR)
    admin_page = new_page()
    sign_in(admin_page, principal.email, PASSWORD)
    admin_page.goto(f"/partnerships/meetings/{meeting.pk}/")
    assert admin_page.get_by_text("Family literacy evenings with the public library").is_visible()
    assert admin_page.get_by_text("Pride in the new makerspace.").count() == 0
    check(admin_page)
    response = admin_page.goto(f"{base}/self-reflection/")
    assert response.status == 404
