"""Who may see and change focus areas (DESIGN.md §4)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from partnerships.access import commentable_focus_areas, editable_focus_areas, visible_focus_areas
from tests.partnerships.factories import FocusAreaFactory
from tests.partnerships.focus.fixtures import share_areas


@pytest.fixture
def areas(partnership, teacher, administrator):
    shared = share_areas(partnership, teacher, n=2)
    draft = FocusAreaFactory(partnership=partnership, title="Secret draft")
    return shared, draft


def test_visibility_matrix(areas, teacher, administrator, colleague, instructor, other_teacher, other_instructor):
    shared, draft = areas
    everything = {fa.pk for fa in shared} | {draft.pk}
    shared_ids = {fa.pk for fa in shared}
    assert set(visible_focus_areas(teacher).values_list("pk", flat=True)) == everything
    assert set(visible_focus_areas(administrator).values_list("pk", flat=True)) == shared_ids
    assert set(visible_focus_areas(colleague).values_list("pk", flat=True)) == shared_ids
    assert set(visible_focus_areas(instructor).values_list("pk", flat=True)) == shared_ids
    assert not visible_focus_areas(other_teacher).exists()
    assert not visible_focus_areas(other_instructor).exists()
    assert not visible_focus_areas(AnonymousUser()).exists()


def test_only_the_lead_teacher_edits_and_instructors_do_not_comment(areas, teacher, administrator, instructor):
    shared, draft = areas
    assert editable_focus_areas(teacher).count() == 3
    assert not editable_focus_areas(administrator).exists()
    assert commentable_focus_areas(administrator).count() == 2
    assert not commentable_focus_areas(instructor).exists()


def test_administrator_never_sees_drafts_in_pages(areas, administrator, partnership, client_for):
    shared, draft = areas
    c = client_for(administrator)
    page = c.get(reverse("partnerships:review", args=[partnership.pk]))
    assert page.status_code == 200
    assert shared[0].title in page.text and "Secret draft" not in page.text
    assert c.get(reverse("partnerships:focus_area_edit", args=[draft.pk])).status_code == 404
    assert c.post(reverse("partnerships:comment_create", args=[draft.pk]), {"comment-body": "x"}).status_code == 404


def test_another_teacher_gets_404_everywhere(areas, partnership, other_teacher, client_for):
    shared, draft = areas
    c = client_for(other_teacher)
    for url in [
        reverse("partnerships:review", args=[partnership.pk]),
        reverse("partnerships:second_meeting", args=[partnership.pk]),
        reverse("partnerships:focus_area_edit", args=[shared[0].pk]),
        reverse("partnerships:focus_area_edit", args=[draft.pk]),
    ]:
        assert c.get(url).status_code == 404, url
    for url in [
        reverse("partnerships:comment_create", args=[shared[0].pk]),
        reverse("partnerships:choice_propose", args=[shared[0].pk]),
        reverse("partnerships:focus_area_delete", args=[draft.pk]),
        reverse("partnerships:agenda_generate", args=[partnership.pk]),
        reverse("partnerships:second_meeting_schedule", args=[partnership.pk]),
    ]:
        assert c.post(url, {}).status_code == 404, url


def test_instructor_reads_shared_but_cannot_comment(areas, partnership, instructor, client_for):
    shared, draft = areas
    c = client_for(instructor)
    page = c.get(reverse("partnerships:review", args=[partnership.pk]))
    assert page.status_code == 200 and shared[0].title in page.text and "Secret draft" not in page.text
    assert "Add to the discussion" not in page.text
    response = c.post(reverse("partnerships:comment_create", args=[shared[0].pk]), {"comment-body": "x"})
    assert response.status_code == 404


def test_anonymous_is_sent_to_sign_in(partnership, client_for):
    response = client_for(None).get(reverse("partnerships:review", args=[partnership.pk]))
    assert response.status_code == 302 and "/account/sign-in/" in response["Location"]
