"""The foundation journeys in a real browser: sign-in, an administrator's invitation, a roster upload."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from coursework.models import CohortInvitation
from partnerships.models import Membership, User
from tests.browser.conftest import assert_accessible, sign_in
from tests.partnerships.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_teacher_signs_in_and_sees_their_home_page(page, enrollment):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/account/sign-in/\?next=/$"))
    assert_accessible(page)

    # A wrong password first: the message is on the page, the email is kept.
    page.get_by_label("Email address").fill("teacher@school.test")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("do not match an account")).to_be_visible()
    expect(page.get_by_label("Email address")).to_have_value("teacher@school.test")
    assert_accessible(page)

    sign_in(page, "teacher@school.test", PASSWORD)
    expect(page).to_have_title("Home · Partnership Planner")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Tess")
    expect(page.get_by_text("0 of 8 stages submitted, 0 reviewed.")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^1\. "))).to_have_count(2)
    expect(page.get_by_role("heading", name="Your partnerships")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/account/sign-in/$"))


def test_teacher_invites_a_new_administrator_who_joins(page, new_page, enrollment, partnership, run_tasks):
    sign_in(page, "teacher@school.test", PASSWORD)
    page.get_by_role("link", name=partnership.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(partnership.title)
    assert_accessible(page)

    page.get_by_label("Their email address").fill("new.principal@school.test")
    page.get_by_label("They join as").select_option(label="Administrator")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to new.principal@school.test")).to_be_visible()
    expect(page.get_by_role("cell", name="new.principal@school.test", exact=True)).to_be_visible()
    assert_accessible(page)

    run_tasks()  # the invitation email is the worker's job
    invitation_emails = [m for m in mail.outbox if m.to == ["new.principal@school.test"]]
    assert len(invitation_emails) == 1
    link = re.search(r"http://\S+/invitations/[\w-]+/", invitation_emails[0].body).group(0)
    path = re.sub(r"^https?://[^/]+", "", link)

    principal = new_page()
    principal.goto(path)
    expect(principal.get_by_role("heading", level=1)).to_contain_text("You are invited to join")
    assert_accessible(principal)

    # A mismatched password first: the error is by the field and the name is kept.
    principal.get_by_label("First name").fill("Paula")
    principal.get_by_label("Last name").fill("Principal")
    principal.get_by_label("Job title").fill("Principal")
    principal.get_by_label("Choose a password").fill("a-good-long-passphrase")
    principal.get_by_label("Type the password again").fill("a-different-passphrase")
    principal.get_by_role("button", name="Create my account and join").click()
    expect(principal.get_by_text("The two passwords are not the same.")).to_be_visible()
    expect(principal.get_by_label("First name")).to_have_value("Paula")
    assert_accessible(principal)

    principal.get_by_label("Choose a password").fill("a-good-long-passphrase")
    principal.get_by_label("Type the password again").fill("a-good-long-passphrase")
    principal.get_by_role("button", name="Create my account and join").click()
    expect(principal).to_have_url(re.compile(rf"/partnerships/{partnership.pk}/$"))
    expect(principal.get_by_role("heading", level=1)).to_have_text(partnership.title)
    expect(principal.get_by_text("Welcome! You have joined")).to_be_visible()
    expect(principal.get_by_text("Paula Principal — Administrator")).to_be_visible()
    assert_accessible(principal)

    # Their home page lists the partnership they now belong to.
    principal.get_by_role("link", name="Home").click()
    expect(principal.get_by_role("heading", name="Partnerships you are part of")).to_be_visible()
    expect(principal.get_by_text("You are the administrator")).to_be_visible()
    assert_accessible(principal)

    person = User.objects.get(email="new.principal@school.test")
    assert Membership.objects.filter(partnership=partnership, user=person, role="administrator").exists()

    # The same link a second time gets the friendly page.
    other = new_page()
    other.goto(path)
    expect(other.get_by_role("heading", level=1)).to_have_text("This invitation has already been used")
    assert_accessible(other)

    # The teacher sees the invitation accepted.
    page.reload()
    expect(page.get_by_role("row", name=re.compile("new.principal@school.test.*Accepted"))).to_be_visible()


def test_instructor_uploads_a_roster(page, cohort, tmp_path, run_tasks):
    sign_in(page, "instructor@school.test", PASSWORD)
    expect(page.get_by_role("heading", name="Cohorts you teach")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=str(cohort), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(cohort))
    assert_accessible(page)

    bad = tmp_path / "roster.csv"
    bad.write_text("email,first name,last name\nann@school.test,Ann,Lee\nnot-an-address,Bo,Diaz\n")
    page.get_by_label("Roster file (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and invite").click()
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("Nobody was invited")
    expect(errors).to_contain_text("Line 3: “not-an-address” is not a valid email address.")
    assert_accessible(page)
    assert not CohortInvitation.objects.exists()

    good = tmp_path / "roster-fixed.csv"
    good.write_bytes(
        "email,first name,last name\nann@school.test,Ann,Lee\nbo@school.test,Bo,Díaz\n".encode("utf-8-sig")
    )
    page.get_by_label("Roster file (CSV)").set_input_files(str(good))
    page.get_by_role("button", name="Upload and invite").click()
    # Checked at once; the invitations come from the worker while the page watches.
    expect(page.get_by_text("The file is checked: 2 rows.")).to_be_visible()
    card = page.locator("#roster-import")
    expect(card).to_contain_text("Waiting to start: 2 rows.")
    assert_accessible(page)
    run_tasks(retries=True)
    # htmx asks for the card again every two seconds: it turns to done without a reload.
    expect(card).to_contain_text("Done: 2 invited, 0 skipped.", timeout=10_000)
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    page.reload()
    table = page.get_by_role("table", name="Invitations not yet accepted")
    expect(table.get_by_role("row", name=re.compile(r"ann@school\.test\s+Ann Lee\s+Pending"))).to_be_visible()
    expect(table.get_by_role("row", name=re.compile(r"bo@school\.test\s+Bo Díaz\s+Pending"))).to_be_visible()
    assert_accessible(page)
    invited = sorted(m.to[0] for m in mail.outbox if m.to[0] != "instructor@school.test")
    assert invited == ["ann@school.test", "bo@school.test"]
    page.get_by_role("link", name="See every row").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Roster upload")
    expect(page.get_by_role("row", name=re.compile(r"ann@school\.test\s+Ann Lee\s+Invited"))).to_be_visible()
    assert_accessible(page)


def test_account_pages_are_accessible(page, new_page, teacher, partnership):
    """Password reset, profile, password change, the lockout page and the unusable-link page."""
    from tests.partnerships.factories import InvitationFactory

    page.goto("/account/password/reset/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    assert_accessible(page)
    page.get_by_label("Email").fill("teacher@school.test")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)
    link = re.search(r"http://\S+/account/password/reset/\S+/", mail.outbox[-1].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    assert_accessible(page)
    page.get_by_label("New password").first.fill("a-brand-new-passphrase")
    page.get_by_label("New password confirmation").fill("a-brand-new-passphrase")
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new password is saved")
    assert_accessible(page)

    sign_in(page, "teacher@school.test", "a-brand-new-passphrase")
    page.get_by_role("link", name="Profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    assert_accessible(page)
    page.get_by_label("School", exact=True).fill("Hillside High")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.get_by_label("School", exact=True)).to_have_value("Hillside High")
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    assert_accessible(page)

    revoked = InvitationFactory(partnership=partnership, revoked_at=timezone.now())
    visitor = new_page()
    visitor.goto(f"/invitations/{revoked.raw_token}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("This invitation was withdrawn")
    assert_accessible(visitor)

    for _ in range(5):
        visitor.goto("/account/sign-in/")
        visitor.get_by_label("Email address").fill("teacher@school.test")
        visitor.get_by_label("Password").fill("wrong")
        visitor.get_by_role("button", name="Sign in").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Sign-in is paused for 15 minutes")
    assert_accessible(visitor)
