"""The administrator's review page, threads, revisions with diffs, the choice, concurrency."""

import pytest
from django.urls import reverse

from partnerships.focus import services as svc
from partnerships.focus.diff import word_diff
from partnerships.models import Comment, FocusArea, FocusAreaChoice
from tests.partnerships.factories import CommentFactory, FocusAreaEvidenceFactory, FocusAreaFactory
from tests.partnerships.focus.fixtures import share_areas


@pytest.fixture
def areas(partnership, teacher, administrator):
    return share_areas(partnership, teacher, n=3)


@pytest.fixture
def review_url(partnership):
    return reverse("partnerships:review", args=[partnership.pk])


def test_review_lists_each_shared_area_with_evidence(areas, administrator, review_url, client_for):
    FocusAreaEvidenceFactory(focus_area=areas[0], source="District plan 2026", text="Read widely.")
    page = client_for(administrator).get(review_url)
    assert page.status_code == 200
    for fa in areas:
        assert fa.title in page.text
    assert "Read widely." in page.text and "District plan 2026" in page.text
    assert "<h1>Review of focus areas</h1>" in page.text


def test_administrator_asks_a_question(areas, administrator, teacher, review_url, client_for):
    fa = areas[0]
    c = client_for(administrator)
    response = c.post(
        reverse("partnerships:comment_create", args=[fa.pk]),
        {f"comment{fa.pk}-kind": "question", f"comment{fa.pk}-body": "Which grades exactly?"},
    )
    assert response.status_code == 302
    q = Comment.objects.get()
    assert (q.kind, q.author, q.focus_version) == ("question", administrator, 1)
    page = c.get(review_url)
    assert "Which grades exactly?" in page.text and "Clarification question" in page.text and "Open" in page.text


def test_empty_comment_shows_error_next_to_the_field(areas, administrator, client_for):
    fa = areas[0]
    page = client_for(administrator).post(
        reverse("partnerships:comment_create", args=[fa.pk]),
        {f"comment{fa.pk}-kind": "question", f"comment{fa.pk}-body": ""},
    )
    assert page.status_code == 400
    assert "This field is required." in page.text
    assert not Comment.objects.exists()


def test_teacher_answers_and_revises_and_the_diff_shows(areas, administrator, teacher, review_url, client_for):
    fa = areas[0]
    q = svc.comment_add(focus_area=fa, author=administrator, kind="question", body="Which grades?")
    t = client_for(teacher)
    response = t.post(
        reverse("partnerships:comment_create", args=[fa.pk]), {"parent": q.pk, f"reply{q.pk}-body": "Grades 6 to 8."}
    )
    assert response.status_code == 302
    answer = Comment.objects.get(parent=q)
    assert answer.kind == "answer" and answer.author == teacher
    edit = reverse("partnerships:focus_area_edit", args=[fa.pk])
    response = t.post(
        edit,
        {
            "title": fa.title,
            "need": "Students in grades 6 to 8 read less for pleasure each year.",
            "serves": ["serves_students"],
            "rationale": fa.rationale,
            "version": 1,
        },
    )
    assert response.status_code == 302
    page = client_for(administrator).get(review_url)
    assert "What changed since this question (version 1 → 2)" in page.text
    assert '<del><span class="visually-hidden">[removed: </span>6–8' in page.text
    assert '<ins><span class="visually-hidden">[added: </span>6 to 8' in page.text
    assert "Grades 6 to 8." in page.text


def test_word_diff_escapes_html():
    html = word_diff("a <b> c", "a <i> c")
    assert "&lt;b&gt;" in html and "&lt;i&gt;" in html and "<b>" not in html


def test_resolve_a_question(areas, administrator, client_for):
    q = svc.comment_add(focus_area=areas[0], author=administrator, kind="question", body="Why?")
    response = client_for(administrator).post(reverse("partnerships:comment_resolve", args=[q.pk]), {"resolved": "1"})
    assert response.status_code == 302
    q.refresh_from_db()
    assert q.resolved and q.resolved_by == administrator


def test_second_save_is_refused_with_both_versions(areas, teacher, client_for):
    fa = areas[0]
    edit = reverse("partnerships:focus_area_edit", args=[fa.pk])
    base = {"need": fa.need, "serves": ["serves_students"], "rationale": fa.rationale, "version": 1}
    laptop, phone = client_for(teacher), client_for(teacher)
    assert laptop.post(edit, {**base, "title": "Saved on the laptop"}).status_code == 302
    page = phone.post(edit, {**base, "title": "Typed on the phone"})
    assert page.status_code == 409
    assert "Someone saved this focus area while you were editing it" in page.text
    assert "Saved on the laptop" in page.text and 'value="Typed on the phone"' in page.text
    assert 'name="version" value="2"' in page.text
    fa.refresh_from_db()
    assert fa.title == "Saved on the laptop" and fa.version == 2
    # Having seen both, saving again is a deliberate choice and goes through.
    assert phone.post(edit, {**base, "title": "Typed on the phone", "version": 2}).status_code == 302
    fa.refresh_from_db()
    assert fa.title == "Typed on the phone" and fa.history.count() >= 3


def test_two_party_confirmation_through_the_pages(areas, teacher, administrator, partnership, review_url, client_for):
    t, a = client_for(teacher), client_for(administrator)
    fa = areas[2]
    response = t.post(reverse("partnerships:choice_propose", args=[fa.pk]), {f"choice{fa.pk}-rationale": "Fits."})
    assert response.status_code == 302
    choice = FocusAreaChoice.objects.get()
    # The proposer's own confirmation does nothing.
    t.post(reverse("partnerships:choice_confirm", args=[choice.pk]))
    choice.refresh_from_db()
    assert choice.confirmed_at is None
    page = a.get(review_url)
    assert f"Confirm “{fa.title}”" in page.text
    a.post(reverse("partnerships:choice_confirm", args=[choice.pk]))
    choice.refresh_from_db()
    assert choice.confirmed_by == administrator
    assert FocusArea.objects.get(pk=fa.pk).status == "selected"
    assert FocusArea.objects.filter(partnership=partnership, status="set_aside").count() == 2
    page = t.get(review_url)
    assert f"Chosen: “{fa.title}”" in page.text and "set aside" in page.text


def test_propose_without_rationale_keeps_the_form(areas, administrator, client_for):
    fa = areas[0]
    page = client_for(administrator).post(reverse("partnerships:choice_propose", args=[fa.pk]), {})
    assert page.status_code == 400 and "This field is required." in page.text
    assert not FocusAreaChoice.objects.exists()


def test_colleague_cannot_propose(areas, colleague, client_for):
    fa = areas[0]
    response = client_for(colleague).post(
        reverse("partnerships:choice_propose", args=[fa.pk]), {f"choice{fa.pk}-rationale": "x"}
    )
    assert response.status_code == 404


def test_home_page_shows_awaiting_review(areas, administrator, client_for):
    page = client_for(administrator).get(reverse("home"))
    assert "Awaiting your review" in page.text and "3 focus areas from" in page.text


@pytest.mark.parametrize("n", [3, 30])
def test_review_page_query_budget(
    n, partnership, teacher, administrator, review_url, client_for, django_assert_max_num_queries
):
    for i in range(n):
        fa = FocusAreaFactory(partnership=partnership, status="shared", created_by=teacher)
        FocusAreaEvidenceFactory(focus_area=fa)
        q = CommentFactory(focus_area=fa, author=administrator, kind=Comment.Kind.QUESTION)
        CommentFactory(focus_area=fa, author=teacher, kind=Comment.Kind.ANSWER, parent=q)
        fa.title = f"Revised {i}"
        fa.version = 2
        fa.save()
    c = client_for(administrator)
    with django_assert_max_num_queries(16):
        page = c.get(review_url)
    assert page.status_code == 200 and "What changed since this question" in page.text


def test_every_version_is_listed_with_its_changes(areas, teacher, administrator, review_url, client_for):
    fa = areas[0]
    svc.focus_area_update(focus_area=fa, actor=teacher, expected_version=1, title="Reading for fun")
    svc.focus_area_update(focus_area=fa, actor=teacher, expected_version=2, rationale="New reason.")
    page = client_for(administrator).get(review_url)
    assert "All versions (3)" in page.text
    assert "Version 3</strong> by Tess Teacher" in page.text
    assert "[added: </span>Reading" in page.text and "[removed: </span>Area" in page.text and "New reason." in page.text


def test_agenda_move_rejects_unknown_direction(partnership, teacher, client_for):
    item = svc.agenda_item_add(partnership=partnership, actor=teacher, text="One")
    response = client_for(teacher).post(reverse("partnerships:agenda_item_move", args=[item.pk, "sideways"]))
    assert response.status_code == 404


def test_second_meeting_stage_page_links_to_the_review(areas, teacher, enrollment, administrator, client_for):
    svc.choice_confirm(
        choice=svc.choice_propose(focus_area=areas[1], actor=teacher, rationale="Fits."), actor=administrator
    )
    page = client_for(teacher).get(reverse("coursework:stage", args=[enrollment.pk, "second-meeting"]))
    assert page.status_code == 200
    assert f"Chosen together: “{areas[1].title}”" in page.text
    assert reverse("partnerships:review", args=[enrollment.partnership.pk]) in page.text
