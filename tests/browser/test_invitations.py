"""Opening someone else's invitation while signed in: told plainly, nothing joined, and one
button to sign out and carry on as the invited person."""

import pytest
from django.urls import reverse

from partnerships.models import Membership
from tests.browser.conftest import assert_accessible, sign_in
from tests.partnerships.factories import PASSWORD, InvitationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signed_in_as_someone_else_switches_to_the_invited_account(page, partnership):
    invited = UserFactory(email="pat@school.test")
    someone = UserFactory(email="someone.else@school.test")
    invitation = InvitationFactory(partnership=partnership, email="pat@school.test")
    url = reverse("invitation_accept", args=[invitation.raw_token])

    sign_in(page, someone.email, PASSWORD)
    page.goto(url)
    alert = page.get_by_role("alert")
    assert "This invitation is for pat@school.test; you are signed in as someone.else@school.test." in (
        alert.inner_text()
    )
    assert page.get_by_role("button", name="Join as").count() == 0
    assert_accessible(page)

    page.get_by_role("button", name="Sign out and continue as pat@school.test").click()
    assert page.get_by_label("Email address").input_value() == "pat@school.test"
    assert not Membership.objects.filter(partnership=partnership, user=someone).exists()

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Join as").click()
    page.wait_for_url(f"**{partnership.get_absolute_url()}")
    assert Membership.objects.filter(partnership=partnership, user=invited).exists()
