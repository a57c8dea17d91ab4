"""A teacher shares a focus-area draft in a collaborative; a peer replies with a challenge."""

import re

import pytest
from playwright.sync_api import expect

from partnerships.models import FocusArea
from tests.browser.conftest import assert_accessible, sign_in
from tests.coursework.factories import (
    CohortFactory,
    CollaborativeFactory,
    CollaborativeMembershipFactory,
    EnrollmentFactory,
)
from tests.partnerships.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting():
    cohort = CohortFactory(name="Spring cohort")
    first = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(email="first@school.test", first_name="Fay", last_name="First")
    )
    second = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(email="second@school.test", first_name="Sid", last_name="Second")
    )
    collaborative = CollaborativeFactory(cohort=cohort, name="Reading leaders")
    CollaborativeMembershipFactory(collaborative=collaborative, user=first.teacher, agreed_to_norms_at=None)
    CollaborativeMembershipFactory(collaborative=collaborative, user=second.teacher)
    FocusArea.objects.create(
        partnership=first.partnership,
        title="Independent reading time",
        need="Grade 7 students read for pleasure less each year.",
        rationale="Library circulation fell 30% in two years.",
    )
    return collaborative


def test_share_focus_area_and_receive_a_challenge(page, new_page, setting):
    sign_in(page, "first@school.test", PASSWORD)
    assert_accessible(page)
    page.get_by_role("link", name="Reading leaders", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Reading leaders")).to_be_visible()
    expect(page.get_by_role("heading", name="Our norms")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("I have read these norms and agree to work by them.").check()
    page.get_by_role("button", name="Agree and join in").click()
    page.get_by_label("Your reflection").fill("Here is my **draft**. Where is it weakest?")
    page.get_by_label("Share a piece of your stage work (optional)").select_option(
        label="Focus area draft: Independent reading time"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Post to the group").click()
    expect(page.get_by_text("Your post is shared with the group.")).to_be_visible()
    expect(page.get_by_text("Focus area draft", exact=True)).to_be_visible()
    expect(page.get_by_text("Library circulation fell 30% in two years.")).to_be_visible()
    assert_accessible(page)

    peer = new_page()
    sign_in(peer, "second@school.test", PASSWORD)
    peer.get_by_role("link", name="Reading leaders", exact=True).click()
    expect(peer.locator(".collab-body strong", has_text="draft")).to_be_visible()
    assert_accessible(peer)
    peer.get_by_role("link", name=re.compile(r"^Reply to the post by Fay First")).click()
    assert_accessible(peer)
    peer.get_by_label("Your reply").fill("Is pleasure reading the need, or access to books?")
    peer.get_by_label("Challenge").check()
    peer.get_by_role("button", name="Post reply").click()
    expect(peer.get_by_text("Your reply is posted.")).to_be_visible()
    assert_accessible(peer)

    page.goto(setting.get_absolute_url())
    expect(page.locator(".tag-count.tag-challenge")).to_have_text("Challenge: 1")
    expect(page.get_by_text("Is pleasure reading the need, or access to books?")).to_be_visible()
    assert_accessible(page)
    page.goto("/")
    expect(page.get_by_role("link", name=re.compile("replied \\(challenge\\)"))).to_be_visible()
    assert_accessible(page)


def test_teacher_starts_a_collaborative_and_a_peer_joins(page, new_page):
    cohort = CohortFactory(name="Winter cohort")
    EnrollmentFactory(cohort=cohort, teacher=UserFactory(email="starter@school.test", first_name="Stella"))
    EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(email="joiner@school.test", first_name="Jo", last_name="Joiner")
    )

    sign_in(page, "starter@school.test", PASSWORD)
    page.get_by_role("link", name=re.compile("All collaboratives")).click()
    assert_accessible(page)
    page.get_by_role("link", name="Start a collaborative in Winter cohort (Fall 2026)").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Coaches circle")
    page.get_by_label(re.compile("Jo Joiner")).check()
    page.get_by_role("button", name="Start the collaborative").click()
    expect(page.get_by_role("heading", level=1, name="Coaches circle")).to_be_visible()
    page.get_by_role("link", name="Members").click()
    expect(page.get_by_text("Invited, not yet joined")).to_be_visible()
    assert_accessible(page)

    joiner = new_page()
    sign_in(joiner, "joiner@school.test", PASSWORD)
    joiner.get_by_role("link", name="Join Coaches circle").click()
    expect(joiner.get_by_role("heading", name="The group’s norms")).to_be_visible()
    assert_accessible(joiner)
    joiner.get_by_role("button", name="Agree and join").click()
    expect(joiner.get_by_text("Tick the box to agree")).to_be_visible()
    assert_accessible(joiner)
    joiner.get_by_label("I have read these norms and agree to work by them.").check()
    joiner.get_by_role("button", name="Agree and join").click()
    expect(joiner.get_by_role("heading", level=1, name="Coaches circle")).to_be_visible()
    expect(joiner.get_by_role("heading", name="Share a reflection")).to_be_visible()
    assert_accessible(joiner)
