"""Documents people hand over, read in the browser: the second meeting's brief."""

import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from partnerships.models import FocusArea, Membership
from tests.browser.conftest import assert_accessible, sign_in
from tests.coursework.factories import CohortFactory, EnrollmentFactory
from tests.partnerships.factories import (
    PASSWORD,
    FocusAreaEvidenceFactory,
    FocusAreaFactory,
    MembershipFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Screenshots are artifacts for a reviewer to look at, never committed.
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/planner-screenshots"))


def test_the_administrator_reads_the_meeting_brief_on_a_phone_and_a_laptop(new_page):
    teacher = UserFactory(email="tess@school.test", first_name="Tess", last_name="Teacher")
    enrollment = EnrollmentFactory(cohort=CohortFactory(), teacher=teacher)
    principal = UserFactory(email="pat@school.test", first_name="Pat", last_name="Principal")
    MembershipFactory(partnership=enrollment.partnership, user=principal, role=Membership.Role.ADMINISTRATOR)
    for title in ["Reading for pleasure", "Family literacy nights"]:
        area = FocusAreaFactory(
            partnership=enrollment.partnership, title=title, status=FocusArea.Status.SHARED, shared_at=timezone.now()
        )
        FocusAreaEvidenceFactory(focus_area=area, text="Every student reads widely and often. " * 6)
    SHOTS.mkdir(parents=True, exist_ok=True)

    for width, height in [(1366, 900), (390, 844)]:
        page = new_page(viewport={"width": width, "height": height})
        sign_in(page, principal.email, PASSWORD)
        page.goto(f"/partnerships/{enrollment.partnership.pk}/second-meeting/")
        page.get_by_role("link", name="The one-page brief").click()
        expect(page.get_by_role("heading", name="Brief for our second meeting")).to_be_visible()
        expect(page.get_by_role("heading", name="2. Family literacy nights Shared")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert_accessible(page)
        page.screenshot(path=str(SHOTS / f"meeting-brief-{width}.png"), full_page=True)
