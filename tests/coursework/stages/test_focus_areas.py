"""Stage 5: the synthesis page, drafting, citing evidence and sharing."""

import pytest
from django.urls import reverse

from coursework.stages.checks import submit_check
from partnerships.models import FocusArea
from tests.partnerships.factories import FocusAreaEvidenceFactory, FocusAreaFactory
from tests.partnerships.focus.fixtures import registered_evidence, share_areas


@pytest.fixture
def fake_evidence():
    with registered_evidence() as items:
        yield items


@pytest.fixture
def stage_url(enrollment):
    return reverse("coursework:stage", args=[enrollment.pk, "focus-areas"])


def test_synthesis_shows_every_input_grouped_by_kind(teacher, stage_url, client_for, fake_evidence):
    page = client_for(teacher).get(stage_url)
    assert page.status_code == 200
    for heading in ["Mindset insight", "Strength", "Area for growth", "School or district goal", "First meeting"]:
        assert heading in page.text
    for item in fake_evidence:
        assert item.text.replace("'", "&#x27;") in page.text and item.source in page.text


def test_drafting_a_focus_area(teacher, partnership, stage_url, client_for, fake_evidence):
    response = client_for(teacher).post(
        stage_url,
        {
            "action": "create",
            "title": "Reading for pleasure",
            "need": "Fewer students read for fun.",
            "serves": ["serves_students", "serves_community"],
            "rationale": "District goal.",
        },
    )
    assert response.status_code == 302
    fa = FocusArea.objects.get(partnership=partnership)
    assert (fa.title, fa.status, fa.serves_students, fa.serves_teachers, fa.serves_community) == (
        "Reading for pleasure",
        "draft",
        True,
        False,
        True,
    )


def test_invalid_draft_keeps_the_typed_text(teacher, partnership, stage_url, client_for, fake_evidence):
    page = client_for(teacher).post(stage_url, {"action": "create", "title": "Keep me", "need": "A long need text"})
    assert page.status_code == 200
    assert "Choose at least one group this focus area serves." in page.text
    assert "A long need text" in page.text and 'value="Keep me"' in page.text
    assert not FocusArea.objects.exists()


def test_citing_evidence_copies_it_and_the_hint_updates(
    teacher, enrollment, partnership, client_for, stage_url, fake_evidence
):
    fa = FocusAreaFactory(partnership=partnership)
    c = client_for(teacher)
    page = c.get(stage_url)
    assert (
        "no evidence yet from a school or district goal, one of your strengths, anything from the first meeting"
        in page.text
    )
    url = reverse("coursework:focus_evidence_add", args=[enrollment.pk, fa.pk])
    assert c.post(url, {f"fa{fa.pk}-ref": "goal:1"}).status_code == 302
    ev = fa.evidence.get()
    assert (ev.kind, ev.source, ev.text) == (
        "goal",
        "District strategic plan 2025–2028",
        "Every student reads widely and often.",
    )
    page = c.get(stage_url)
    assert "no evidence yet from one of your strengths, anything from the first meeting" in page.text
    c.post(url, {f"fa{fa.pk}-ref": "strength:1"})
    c.post(url, {f"fa{fa.pk}-ref": "interview:1"})
    assert "draws on a goal, a strength and the first meeting" in c.get(stage_url).text
    # A ref that is not one of the teacher's inputs is refused, not invented.
    c.post(url, {f"fa{fa.pk}-ref": "goal:999"})
    assert fa.evidence.count() == 3
    remove = reverse("coursework:focus_evidence_remove", args=[enrollment.pk, fa.pk, ev.pk])
    assert c.post(remove).status_code == 302
    assert not fa.evidence.filter(pk=ev.pk).exists()


def test_evidence_on_another_teachers_focus_area_is_404(
    teacher, enrollment, other_partnership, client_for, fake_evidence
):
    theirs = FocusAreaFactory(partnership=other_partnership)
    url = reverse("coursework:focus_evidence_add", args=[enrollment.pk, theirs.pk])
    assert client_for(teacher).post(url, {f"fa{theirs.pk}-ref": "goal:1"}).status_code == 404


def test_share_with_one_gets_a_clear_message(teacher, partnership, administrator, stage_url, client_for, fake_evidence):
    fa = FocusAreaFactory(partnership=partnership)
    page = client_for(teacher).post(stage_url, {"action": "share", "focus_areas": [fa.pk]})
    assert page.status_code == 200
    assert "Share two or three focus areas with your administrator; you would be sharing 1." in page.text
    fa.refresh_from_db()
    assert fa.is_draft


def test_share_three(teacher, partnership, administrator, stage_url, client_for, fake_evidence):
    areas = [FocusAreaFactory(partnership=partnership) for _ in range(3)]
    response = client_for(teacher).post(stage_url, {"action": "share", "focus_areas": [fa.pk for fa in areas]})
    assert response.status_code == 302
    assert partnership.focus_areas.filter(status="shared").count() == 3


def test_submit_requires_shared_focus_areas(enrollment, partnership, teacher, administrator):
    from coursework.stages import focus_areas as focus_work  # noqa: F401  (registers the check)

    assert "you have shared 0" in submit_check("focus-areas", enrollment)
    share_areas(partnership, teacher, n=2)
    assert submit_check("focus-areas", enrollment) is None


@pytest.mark.parametrize("n", [3, 30])
def test_synthesis_query_budget(
    n, teacher, partnership, stage_url, client_for, fake_evidence, django_assert_max_num_queries
):
    for i in range(n):
        fa = FocusAreaFactory(partnership=partnership, status="draft" if i % 2 else "shared")
        FocusAreaEvidenceFactory(focus_area=fa)
        FocusAreaEvidenceFactory(focus_area=fa, kind="strength")
    c = client_for(teacher)
    # The registered evidence providers of stages 1–4 add a fixed few queries (not per item).
    with django_assert_max_num_queries(20):
        assert c.get(stage_url).status_code == 200


def test_sharing_one_more_beside_one_already_shared_is_accepted(
    teacher, partnership, administrator, stage_url, client_for, fake_evidence
):
    FocusAreaFactory(partnership=partnership, status=FocusArea.Status.SHARED)
    fa = FocusAreaFactory(partnership=partnership)
    page = client_for(teacher).post(stage_url, {"action": "share", "focus_areas": [fa.pk]})
    assert page.status_code == 302
    fa.refresh_from_db()
    assert not fa.is_draft
