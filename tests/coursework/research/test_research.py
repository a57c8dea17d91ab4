"""Stage 3: research sources and strategic goals."""

import pytest
from django.urls import reverse

from coursework.models import ResearchSource, StageProgress, StrategicGoal
from coursework.research.forms import ResearchSourceForm, StrategicGoalForm
from coursework.research.services import goal_create, source_create, source_delete, source_update
from coursework.stages import evidence
from coursework.stages.checks import submit_check
from partnerships.common.errors import PlannerError
from tests.coursework.factories import EnrollmentFactory, ResearchSourceFactory, StrategicGoalFactory

pytestmark = pytest.mark.django_db

STAGE = "research"


def stage_url(enrollment):
    return reverse("coursework:stage", args=[enrollment.pk, STAGE])


# --- Services -------------------------------------------------------------------------


def test_source_create_update_delete_keeps_history_and_touches_the_stage(enrollment):
    source = source_create(enrollment=enrollment, title="District plan", kind="strategic_plan", notes="first")
    assert StageProgress.objects.get(enrollment=enrollment, stage=STAGE).status == "in_progress"
    source_update(source=source, notes="second")
    goal = goal_create(enrollment=enrollment, statement="Every student reads daily", level="school", source=source)
    source_pk = source.pk
    source_delete(source=source)
    goal.refresh_from_db()
    assert goal.source is None, "goals drawn from a deleted source stay"
    history = ResearchSource.history.filter(id=source_pk).order_by("history_date")
    assert [h.history_type for h in history] == ["+", "~", "-"]
    assert history[1].notes == "second"


def test_goal_cannot_point_at_another_teachers_source(enrollment, other_enrollment):
    foreign = ResearchSourceFactory(enrollment=other_enrollment)
    with pytest.raises(PlannerError):
        goal_create(enrollment=enrollment, statement="x", level="school", source=foreign)


def test_submit_requirement_wants_two_sources_and_a_goal(enrollment):
    assert "you have 0 sources and 0 goals" in submit_check(STAGE, enrollment)
    ResearchSourceFactory.create_batch(2, enrollment=enrollment)
    assert "1 goal" in submit_check(STAGE, enrollment)
    StrategicGoalFactory(enrollment=enrollment)
    assert submit_check(STAGE, enrollment) is None


def test_goals_are_offered_as_evidence_naming_their_source(enrollment, other_enrollment):
    source = ResearchSourceFactory(enrollment=enrollment, title="Riverside USD Strategic Plan")
    with_source = StrategicGoalFactory(enrollment=enrollment, source=source, statement="Literacy for all")
    without = StrategicGoalFactory(enrollment=enrollment, level="school", statement="Open library at lunch")
    StrategicGoalFactory(enrollment=other_enrollment)
    items = {i.ref: i for i in evidence.evidence_for(enrollment) if i.kind == evidence.GOAL}
    assert set(items) == {f"goal:{with_source.pk}", f"goal:{without.pk}"}
    assert items[f"goal:{with_source.pk}"].source == "Riverside USD Strategic Plan"
    assert items[f"goal:{without.pk}"].source == "School goal"
    assert items[f"goal:{with_source.pk}"].text == "Literacy for all"


# --- Forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://district.example.org/plan", True),
        ("http://school.example.org/", True),
        ("district.example.org/plan", True),  # read as https://
        ("javascript:alert(1)", False),
        ("ftp://files.example.org/plan.pdf", False),
        ("data:text/html,hi", False),
        ("not a url", False),
    ],
)
def test_source_form_accepts_only_http_and_https(url, ok):
    form = ResearchSourceForm({"title": "Plan", "kind": "strategic_plan", "url": url})
    assert form.is_valid() is ok, form.errors
    if not ok:
        assert "url" in form.errors


def test_source_form_needs_a_title_and_kind():
    form = ResearchSourceForm({"title": "  ", "kind": "poster"})
    assert not form.is_valid()
    assert set(form.errors) == {"title", "kind"}


def test_goal_form_offers_only_the_teachers_sources(enrollment, other_enrollment):
    mine = ResearchSourceFactory(enrollment=enrollment)
    foreign = ResearchSourceFactory(enrollment=other_enrollment)
    sources = ResearchSource.objects.filter(enrollment=enrollment)
    assert StrategicGoalForm({"statement": "G", "level": "school", "source": mine.pk}, sources=sources).is_valid()
    form = StrategicGoalForm({"statement": "G", "level": "school", "source": foreign.pk}, sources=sources)
    assert not form.is_valid()
    assert "source" in form.errors
    form = StrategicGoalForm({"statement": "G", "level": "state"}, sources=sources)
    assert "level" in form.errors


# --- Views ----------------------------------------------------------------------------


def test_add_a_source_and_a_goal_through_the_page(client_for, enrollment):
    client = client_for(enrollment.teacher)
    response = client.post(
        reverse("coursework:research_source_add", args=[enrollment.pk]),
        {
            "title": "Board minutes, October",
            "kind": "board_minutes",
            "url": "https://district.example.org/minutes",
            "published_on": "2026-10-14",
            "notes": "The board adopted a new literacy initiative.",
        },
    )
    source = ResearchSource.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#source-{source.pk}")
    response = client.post(
        reverse("coursework:research_goal_add", args=[enrollment.pk]),
        {"statement": "Increase family engagement in literacy", "level": "district", "source": source.pk},
    )
    assert response.status_code == 302
    goal = StrategicGoal.objects.get()
    assert goal.source == source
    html = client.get(stage_url(enrollment)).content.decode()
    assert "Board minutes, October" in html
    assert "District goals" in html and "Increase family engagement in literacy" in html
    assert "From “Board minutes, October”" in html


def test_bad_url_is_shown_next_to_the_field_and_input_kept(client_for, enrollment):
    response = client_for(enrollment.teacher).post(
        reverse("coursework:research_source_add", args=[enrollment.pk]),
        {"title": "Newsletter", "kind": "newsletter", "url": "javascript:alert(1)", "notes": "Keep these notes"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "http:// or https://" in html
    assert "Keep these notes" in html
    assert not ResearchSource.objects.exists()


def test_edit_and_delete_a_source_and_a_goal(client_for, enrollment):
    source = ResearchSourceFactory(enrollment=enrollment, title="Old title")
    goal = StrategicGoalFactory(enrollment=enrollment, statement="Old goal")
    client = client_for(enrollment.teacher)
    edit = reverse("coursework:research_source_edit", args=[enrollment.pk, source.pk])
    assert client.get(edit).status_code == 200
    bad = client.post(edit, {"title": "", "kind": "website"})
    assert bad.status_code == 400 and "Give the source a title" in bad.content.decode()
    assert client.post(edit, {"title": "New title", "kind": "website"}).status_code == 302
    source.refresh_from_db()
    assert (source.title, source.kind) == ("New title", "website")
    goal_edit = reverse("coursework:research_goal_edit", args=[enrollment.pk, goal.pk])
    assert client.post(goal_edit, {"statement": "New goal", "level": "school"}).status_code == 302
    goal.refresh_from_db()
    assert (goal.statement, goal.level) == ("New goal", "school")
    assert client.post(reverse("coursework:research_goal_delete", args=[enrollment.pk, goal.pk])).status_code == 302
    assert client.post(reverse("coursework:research_source_delete", args=[enrollment.pk, source.pk])).status_code == 302
    assert not ResearchSource.objects.exists() and not StrategicGoal.objects.exists()


@pytest.mark.parametrize("who", ["other_teacher", "administrator", "instructor"])
def test_others_cannot_see_or_change_research(request, client_for, enrollment, who):
    source = ResearchSourceFactory(enrollment=enrollment)
    goal = StrategicGoalFactory(enrollment=enrollment)
    client = client_for(request.getfixturevalue(who))
    assert client.get(stage_url(enrollment)).status_code == 404
    assert client.get(reverse("coursework:research_source_edit", args=[enrollment.pk, source.pk])).status_code == 404
    assert client.post(reverse("coursework:research_source_delete", args=[enrollment.pk, source.pk])).status_code == 404
    assert client.post(reverse("coursework:research_goal_delete", args=[enrollment.pk, goal.pk])).status_code == 404
    response = client.post(
        reverse("coursework:research_source_add", args=[enrollment.pk]), {"title": "T", "kind": "other"}
    )
    assert response.status_code == 404
    assert ResearchSource.objects.count() == 1 and StrategicGoal.objects.count() == 1


def test_own_enrollment_cannot_reach_another_teachers_source(client_for, enrollment, other_enrollment):
    foreign = ResearchSourceFactory(enrollment=other_enrollment)
    client = client_for(enrollment.teacher)
    url = reverse("coursework:research_source_edit", args=[enrollment.pk, foreign.pk])
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, enrollment):
    response = client.get(stage_url(enrollment))
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.mark.parametrize("count", [3, 20])
def test_stage_page_query_count_does_not_grow_with_sources_and_goals(client_for, django_assert_max_num_queries, count):
    enrollment = EnrollmentFactory()
    sources = ResearchSourceFactory.create_batch(count, enrollment=enrollment)
    for index, source in enumerate(sources):
        StrategicGoalFactory(enrollment=enrollment, source=source, level="school" if index % 2 else "district")
    client = client_for(enrollment.teacher)
    with django_assert_max_num_queries(12):
        response = client.get(stage_url(enrollment))
    assert response.status_code == 200
    assert response.content.decode().count('id="goal-') == count


def test_instructor_reads_the_research_without_forms(client_for, instructor, enrollment):
    source = ResearchSourceFactory(enrollment=enrollment, title="Board minutes")
    StrategicGoalFactory(enrollment=enrollment, source=source, statement="Family literacy")
    response = client_for(instructor).get(reverse("coursework:stage_review", args=[enrollment.pk, STAGE]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Board minutes" in html and "Family literacy" in html
    assert reverse("coursework:research_source_add", args=[enrollment.pk]) not in html
    assert reverse("coursework:research_source_edit", args=[enrollment.pk, source.pk]) not in html
