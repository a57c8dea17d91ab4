"""Stage 5: the synthesis page, drafting, citing evidence and sharing."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from coursework.stages.checks import submit_check
from partnerships.focus import services as svc
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


def _share_boxes(html):
    """The share form's checkboxes as the page renders them: (value, checked)."""
    form = html[html.index('name="action" value="share"') :]
    form = form[: form.index("</form>")]
    return [
        (re.search(r'value="(\d+)"', box).group(1), " checked" in box)
        for box in re.findall(r'<input[^>]*name="focus_areas"[^>]*>', form)
    ]


def test_sharing_one_more_from_the_page_posts_only_the_new_one_and_counts_the_shared(
    teacher, partnership, administrator, stage_url, client_for, fake_evidence
):
    shared = FocusAreaFactory(partnership=partnership, status=FocusArea.Status.SHARED, shared_at=timezone.now())
    new = FocusAreaFactory(partnership=partnership, title="Family reading nights")
    c = client_for(teacher)
    page = c.get(stage_url).text
    assert "Share two or three focus areas in all (you have already shared 1)" in page
    boxes = _share_boxes(page)
    assert boxes == [(str(new.pk), True)]  # only the draft is offered, already ticked
    response = c.post(stage_url, {"action": "share", "focus_areas": [v for v, checked in boxes if checked]})
    assert response.status_code == 302
    assert set(partnership.focus_areas.in_review().values_list("pk", flat=True)) == {shared.pk, new.pk}


def test_sharing_more_than_three_in_all_says_it_counts_the_shared_ones(
    teacher, partnership, administrator, stage_url, client_for, fake_evidence
):
    share_areas(partnership, teacher, n=3)
    extra = FocusAreaFactory(partnership=partnership)
    page = client_for(teacher).post(stage_url, {"action": "share", "focus_areas": [extra.pk]})
    assert page.status_code == 200
    assert "you would be sharing 4 in all, counting the 3 already shared." in page.text
    extra.refresh_from_db()
    assert extra.is_draft


def test_a_page_left_open_after_sharing_gets_plain_words(
    teacher, partnership, administrator, stage_url, client_for, fake_evidence
):
    first, _ = share_areas(partnership, teacher, n=2)
    new = FocusAreaFactory(partnership=partnership)
    page = client_for(teacher).post(stage_url, {"action": "share", "focus_areas": [first.pk, new.pk]})
    assert page.status_code == 200
    assert "A focus area you selected is no longer a draft" in page.text
    assert "Select a valid choice" not in page.text


def test_after_the_choice_sharing_is_closed_and_the_page_says_so(
    teacher, partnership, administrator, stage_url, client_for, fake_evidence
):
    chosen, _ = share_areas(partnership, teacher, n=2)
    svc.choice_confirm(
        choice=svc.choice_propose(focus_area=chosen, actor=teacher, rationale="Fits the plan."), actor=administrator
    )
    new = FocusAreaFactory(partnership=partnership)
    c = client_for(teacher)
    page = c.get(stage_url).text
    closed = "You and your administrator already chose “Area 1” together"
    assert closed in page and 'value="share"' not in page
    assert "Share two or three focus areas in all" not in page
    refused = c.post(stage_url, {"action": "share", "focus_areas": [new.pk]})
    assert refused.status_code == 200 and closed in refused.text
    assert "you would be sharing" not in refused.text
    new.refresh_from_db()
    assert new.is_draft
