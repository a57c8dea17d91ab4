"""Stage 2: framework data, loading, ratings, strengths and growth areas, and the pages."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape

from coursework.models import ChosenPractice, CohortFramework, Framework, Practice, Rating, StageProgress
from coursework.selfassessment.forms import ChoicesForm, RatingForm
from coursework.selfassessment.frameworks import default_framework, framework_for_cohort, framework_load
from coursework.selfassessment.services import choices_save, rating_save
from coursework.stages import evidence
from coursework.stages.checks import submit_check
from partnerships.common.errors import PlannerError
from tests.coursework.factories import CohortFactory, EnrollmentFactory

pytestmark = pytest.mark.django_db

STAGE = "self-reflection"


def small_framework(name="Small framework", domains=2, practices=2, is_default=False):
    return {
        "name": name,
        "description": "For tests.",
        "is_default": is_default,
        "levels": [{"value": v, "label": f"Level {v}", "description": ""} for v in (1, 2, 3, 4)],
        "domains": [
            {"name": f"Domain {d}", "practices": [f"Practice {d}.{p}" for p in range(1, practices + 1)]}
            for d in range(1, domains + 1)
        ],
    }


def practices_of(framework):
    return list(Practice.objects.filter(domain__framework=framework).select_related("domain"))


def stage_url(enrollment):
    return reverse("coursework:stage", args=[enrollment.pk, STAGE])


# --- The framework as data ------------------------------------------------------------


def test_default_framework_ships_nine_domains_of_three_practices_and_four_levels():
    framework = default_framework()
    assert framework.is_default
    domains = list(framework.domains.all())
    assert [d.name for d in domains][:2] == ["Leadership and collaboration", "Curriculum and instruction"]
    assert len(domains) == 9
    assert all(d.practices.count() == 3 for d in domains)
    assert [(lv.value, lv.label) for lv in framework.levels.all()] == [
        (1, "Beginning"),
        (2, "Developing"),
        (3, "Proficient"),
        (4, "Leading"),
    ]


def test_default_framework_is_loaded_again_when_the_table_was_emptied():
    Framework.objects.all().delete()
    framework = default_framework()
    assert framework.domains.count() == 9


def test_cohort_uses_its_own_framework_or_the_default(cohort):
    assert framework_for_cohort(cohort) == default_framework()
    other = framework_load(data=small_framework())
    CohortFramework.objects.create(cohort=cohort, framework=other)
    assert framework_for_cohort(cohort) == other


def test_load_framework_command_loads_a_valid_file(tmp_path):
    path = tmp_path / "fw.json"
    path.write_text(json.dumps(small_framework("Librarian framework B", domains=3)))
    call_command("load_framework", str(path))
    framework = Framework.objects.get(name="Librarian framework B")
    assert framework.domains.count() == 3
    assert not framework.is_default


def test_load_framework_command_can_make_it_the_default(tmp_path):
    path = tmp_path / "fw.json"
    path.write_text(json.dumps(small_framework("New default")))
    call_command("load_framework", str(path), "--default")
    assert Framework.objects.get(is_default=True).name == "New default"


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.pop("name"), "“name” is missing"),
        (lambda d: d["levels"].pop(), "exactly the values 1, 2, 3 and 4"),
        (lambda d: d["levels"][0].update(value=5), "from 1 to 4"),
        (lambda d: d["domains"][0].update(practices=[]), "must list at least one statement"),
        (lambda d: d.update(domains=[]), "at least one domain"),
    ],
)
def test_load_framework_command_refuses_bad_data_with_clear_errors(tmp_path, change, message):
    data = small_framework("Broken")
    change(data)
    path = tmp_path / "fw.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=message):
        call_command("load_framework", str(path))
    assert not Framework.objects.filter(name="Broken").exists()


def test_load_framework_command_reports_invalid_json_and_missing_files(tmp_path):
    path = tmp_path / "fw.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("load_framework", str(path))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("load_framework", str(tmp_path / "missing.json"))


def test_loading_the_same_name_twice_needs_replace():
    framework_load(data=small_framework("Twice"))
    with pytest.raises(PlannerError, match="already exists"):
        framework_load(data=small_framework("Twice"))
    replaced = framework_load(data=small_framework("Twice", domains=4), replace=True)
    assert replaced.domains.count() == 4


# --- Services -------------------------------------------------------------------------


def test_rating_save_creates_the_assessment_rates_and_touches_the_stage(enrollment):
    framework = default_framework()
    practice = practices_of(framework)[0]
    level = framework.levels.get(value=3)
    rating = rating_save(enrollment=enrollment, practice=practice, level=level, evidence="Co-taught a unit.")
    assert rating.self_assessment.enrollment == enrollment
    assert rating.level == level
    progress = StageProgress.objects.get(enrollment=enrollment, stage=STAGE)
    assert progress.status == StageProgress.Status.IN_PROGRESS
    rating_save(enrollment=enrollment, practice=practice, level=framework.levels.get(value=4), evidence="More.")
    rating.refresh_from_db()
    assert rating.level.value == 4
    assert Rating.objects.count() == 1
    assert rating.history.count() == 2, "every save of the evidence keeps a version"


def test_rating_save_refuses_a_level_from_another_framework(enrollment):
    other = framework_load(data=small_framework())
    practice = practices_of(default_framework())[0]
    with pytest.raises(PlannerError):
        rating_save(enrollment=enrollment, practice=practice, level=other.levels.first())


def test_choices_save_keeps_two_or_three_of_each_and_never_both(enrollment):
    practices = practices_of(default_framework())
    choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[5:8])
    kinds = list(ChosenPractice.objects.values_list("kind", flat=True))
    assert kinds.count("strength") == 2 and kinds.count("growth_area") == 3
    choices_save(enrollment=enrollment, strengths=practices[10:13], growth_areas=practices[5:7])
    assert ChosenPractice.objects.count() == 5
    with pytest.raises(PlannerError, match="Choose 2 or 3 strengths; you chose 1"):
        choices_save(enrollment=enrollment, strengths=practices[:1], growth_areas=practices[5:7])
    with pytest.raises(PlannerError, match="cannot be both"):
        choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[1:3])
    assert ChosenPractice.objects.count() == 5, "a refused choice leaves the saved one alone"


def test_submit_requirement_needs_every_rating_and_the_choices(enrollment):
    framework = default_framework()
    practices = practices_of(framework)
    assert "rate every practice (0 of 27" in submit_check(STAGE, enrollment)
    level = framework.levels.get(value=2)
    for practice in practices:
        rating_save(enrollment=enrollment, practice=practice, level=level)
    assert "choose 2–3 strengths" in submit_check(STAGE, enrollment)
    choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[2:4])
    assert submit_check(STAGE, enrollment) is None


def test_evidence_offers_strengths_and_growth_areas(enrollment, other_enrollment):
    framework = default_framework()
    practices = practices_of(framework)
    rating_save(enrollment=enrollment, practice=practices[0], level=framework.levels.get(value=4), evidence="Led PD.")
    choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[2:4])
    items = [i for i in evidence.evidence_for(enrollment) if i.kind in (evidence.STRENGTH, evidence.GROWTH_AREA)]
    assert len(items) == 4
    first = next(i for i in items if i.ref == f"practice:{practices[0].pk}")
    assert first.kind == evidence.STRENGTH
    assert "Leading" in first.text and "Led PD." in first.text
    assert first.source == "Self-reflection: Leadership and collaboration"
    assert not [i for i in evidence.evidence_for(other_enrollment) if i.kind == evidence.STRENGTH]


# --- Forms ----------------------------------------------------------------------------


def test_rating_form_accepts_only_the_frameworks_levels():
    framework = default_framework()
    other = framework_load(data=small_framework())
    levels = list(framework.levels.all())
    practice = practices_of(framework)[0]
    prefix = f"p{practice.pk}"
    good = RatingForm({f"{prefix}-level": str(levels[2].pk)}, levels=levels, practice=practice)
    assert good.is_valid()
    assert good.cleaned_data["level"] == levels[2]
    foreign = RatingForm({f"{prefix}-level": str(other.levels.first().pk)}, levels=levels, practice=practice)
    assert not foreign.is_valid()
    assert "level" in foreign.errors
    empty = RatingForm({}, levels=levels, practice=practice)
    assert not empty.is_valid()
    assert "Choose a rating" in str(empty.non_field_errors())


@pytest.mark.parametrize(
    "strengths, growth, field, message",
    [
        (1, 2, "strengths", "Choose 2 or 3 strengths; you chose 1."),
        (4, 2, "strengths", "Choose 2 or 3 strengths; you chose 4."),
        (2, 0, "growth_areas", "Choose 2 or 3 areas for growth; you chose 0."),
        (2, 4, "growth_areas", "Choose 2 or 3 areas for growth; you chose 4."),
    ],
)
def test_choices_form_wants_two_or_three_of_each(strengths, growth, field, message):
    practices = practices_of(default_framework())
    data = {
        "strengths": [str(p.pk) for p in practices[:strengths]],
        "growth_areas": [str(p.pk) for p in practices[10 : 10 + growth]],
    }
    form = ChoicesForm(data, practices=practices)
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_choices_form_refuses_a_practice_in_both_lists():
    practices = practices_of(default_framework())
    data = {"strengths": [str(p.pk) for p in practices[:2]], "growth_areas": [str(p.pk) for p in practices[1:3]]}
    form = ChoicesForm(data, practices=practices)
    assert not form.is_valid()
    assert "cannot be both" in form.errors["growth_areas"][0]


# --- Views ----------------------------------------------------------------------------


def test_stage_page_lists_every_practice_with_a_form(client_for, enrollment):
    response = client_for(enrollment.teacher).get(stage_url(enrollment))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leadership and collaboration" in html
    assert html.count('class="practice card') == 27
    assert "0 of 27" in html
    assert ' style="' not in html


def test_posting_a_rating_saves_and_returns_to_the_practice(client_for, enrollment):
    framework = default_framework()
    practice = practices_of(framework)[4]
    level = framework.levels.get(value=2)
    client = client_for(enrollment.teacher)
    response = client.post(
        reverse("coursework:rating_save", args=[enrollment.pk, practice.pk]),
        {f"p{practice.pk}-level": level.pk, f"p{practice.pk}-evidence": "Book club for grade 7."},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#practice-{practice.pk}")
    rating = Rating.objects.get(practice=practice)
    assert rating.evidence == "Book club for grade 7."


def test_htmx_rating_save_answers_with_a_saved_fragment(client_for, enrollment):
    framework = default_framework()
    practice = practices_of(framework)[0]
    response = client_for(enrollment.teacher).post(
        reverse("coursework:rating_save", args=[enrollment.pk, practice.pk]),
        {f"p{practice.pk}-evidence": "Typed evidence."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Saved at" in response.content.decode()


def test_invalid_rating_keeps_what_was_typed_next_to_the_error(client_for, enrollment):
    framework = default_framework()
    practice = practices_of(framework)[0]
    response = client_for(enrollment.teacher).post(
        reverse("coursework:rating_save", args=[enrollment.pk, practice.pk]),
        {f"p{practice.pk}-level": "999999", f"p{practice.pk}-evidence": "Do not lose me"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Do not lose me" in html
    assert "Select a valid choice" in html
    assert not Rating.objects.exists()


def test_choices_errors_are_shown_next_to_the_field(client_for, enrollment):
    practices = practices_of(default_framework())
    response = client_for(enrollment.teacher).post(
        reverse("coursework:choices_save", args=[enrollment.pk]),
        {"strengths": [practices[0].pk], "growth_areas": [practices[3].pk, practices[4].pk]},
    )
    assert response.status_code == 400
    assert "Choose 2 or 3 strengths; you chose 1." in response.content.decode()
    assert not ChosenPractice.objects.exists()


def test_choices_save_view_saves(client_for, enrollment):
    practices = practices_of(default_framework())
    response = client_for(enrollment.teacher).post(
        reverse("coursework:choices_save", args=[enrollment.pk]),
        {"strengths": [p.pk for p in practices[:3]], "growth_areas": [p.pk for p in practices[3:5]]},
    )
    assert response.status_code == 302
    assert ChosenPractice.objects.count() == 5


def test_results_page_shows_numbers_in_text_and_choices(client_for, enrollment):
    framework = default_framework()
    practices = practices_of(framework)
    for practice, value in zip(practices[:3], (4, 3, 2), strict=True):
        rating_save(enrollment=enrollment, practice=practice, level=framework.levels.get(value=value))
    choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[3:5])
    response = client_for(enrollment.teacher).get(reverse("coursework:self_reflection_results", args=[enrollment.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "3.0 of 4" in html  # Leadership and collaboration: (4 + 3 + 2) / 3
    assert "3 of 3 practices rated" in html
    assert 'width="75"' in html  # the SVG bar for 3 of 4
    assert practices[0].statement in html
    assert ' style="' not in html


def test_a_practice_from_another_framework_is_404(client_for, enrollment):
    other = framework_load(data=small_framework())
    practice = practices_of(other)[0]
    response = client_for(enrollment.teacher).post(
        reverse("coursework:rating_save", args=[enrollment.pk, practice.pk]), {f"p{practice.pk}-evidence": "x"}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["other_teacher", "administrator", "instructor"])
def test_others_cannot_see_or_write_the_self_assessment(request, client_for, enrollment, who):
    person = request.getfixturevalue(who)
    client = client_for(person)
    practice = practices_of(default_framework())[0]
    assert client.get(stage_url(enrollment)).status_code == 404
    # The cohort's instructor reads the results (DESIGN.md §4); nobody else does.
    results = client.get(reverse("coursework:self_reflection_results", args=[enrollment.pk]))
    assert results.status_code == (200 if who == "instructor" else 404)
    response = client.post(
        reverse("coursework:rating_save", args=[enrollment.pk, practice.pk]), {f"p{practice.pk}-evidence": "x"}
    )
    assert response.status_code == 404
    assert not Rating.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, enrollment):
    for url in (stage_url(enrollment), reverse("coursework:self_reflection_results", args=[enrollment.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("login") in response["Location"]


@pytest.mark.parametrize("domains", [3, 9])
def test_stage_page_query_count_does_not_grow_with_the_framework(client_for, django_assert_max_num_queries, domains):
    framework = framework_load(data=small_framework(f"FW {domains}", domains=domains, practices=3))
    cohort = CohortFactory()
    CohortFramework.objects.create(cohort=cohort, framework=framework)
    enrollment = EnrollmentFactory(cohort=cohort)
    practices = practices_of(framework)
    for practice in practices:
        rating_save(enrollment=enrollment, practice=practice, level=framework.levels.get(value=3), evidence="e")
    choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[2:4])
    client = client_for(enrollment.teacher)
    with django_assert_max_num_queries(16):
        assert client.get(stage_url(enrollment)).status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get(reverse("coursework:self_reflection_results", args=[enrollment.pk])).status_code == 200


def test_the_data_migration_ships_the_default_framework():
    framework = Framework.objects.get(is_default=True)
    assert framework.name == "School Librarian and Teacher Leader Practice"
    assert Practice.objects.filter(domain__framework=framework).count() == 27


@pytest.mark.parametrize("value", [0, 5])
def test_rating_levels_run_from_one_to_four(value):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from coursework.models import RatingLevel

    framework = framework_load(data=small_framework("Range"))
    level = RatingLevel(framework=framework, value=value, label="Out of range")
    with pytest.raises(ValidationError):
        level.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        level.save()


def test_htmx_invalid_save_says_not_saved(client_for, enrollment):
    practice = practices_of(default_framework())[0]
    response = client_for(enrollment.teacher).post(
        reverse("coursework:rating_save", args=[enrollment.pk, practice.pk]), {}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422
    assert "Not saved" in response.content.decode()


def test_instructor_reads_the_self_assessment_without_forms(client_for, instructor, enrollment):
    framework = default_framework()
    practices = practices_of(framework)
    rating_save(enrollment=enrollment, practice=practices[0], level=framework.levels.get(value=3), evidence="Led PD.")
    choices_save(enrollment=enrollment, strengths=practices[:2], growth_areas=practices[2:4])
    response = client_for(instructor).get(reverse("coursework:stage_review", args=[enrollment.pk, STAGE]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 — Proficient" in html and "Led PD." in html
    assert escape(practices[3].statement) in html
    assert reverse("coursework:rating_save", args=[enrollment.pk, practices[0].pk]) not in html
    assert reverse("coursework:choices_save", args=[enrollment.pk]) not in html


def test_a_framework_in_use_cannot_be_replaced(tmp_path):
    framework = framework_load(data=small_framework("In use"))
    cohort = CohortFactory()
    CohortFramework.objects.create(cohort=cohort, framework=framework)
    enrollment = EnrollmentFactory(cohort=cohort)
    rating_save(enrollment=enrollment, practice=practices_of(framework)[0], level=framework.levels.first())
    path = tmp_path / "fw.json"
    path.write_text(json.dumps(small_framework("In use", domains=5)))
    with pytest.raises(CommandError, match="already used by teachers"):
        call_command("load_framework", str(path), "--replace")
    assert framework.domains.count() == 2


# --- Autosave of the evidence ---------------------------------------------------------


def autosave(client, url, field, value, version):
    return client.post(url, {"field": field, "value": value, "version": version}, HTTP_HX_REQUEST="true")


def test_evidence_autosaves_with_a_version_check(client_for, enrollment):
    practice = practices_of(default_framework())[0]
    url = reverse("coursework:rating_evidence_autosave", args=[enrollment.pk, practice.pk])
    client = client_for(enrollment.teacher)
    response = autosave(client, url, "evidence", "First draft", 0)
    assert response.status_code == 200 and "Saved" in response.content.decode()
    assert response["X-Autosave-Version"] == "1"
    rating = Rating.objects.get(practice=practice)
    assert (rating.evidence, rating.version, rating.level) == ("First draft", 1, None)
    assert autosave(client, url, "evidence", "Second draft", 1)["X-Autosave-Version"] == "2"
    stale = autosave(client, url, "evidence", "From an old tab", 1)
    assert stale.status_code == 409
    rating.refresh_from_db()
    assert rating.evidence == "Second draft", "a stale tab never overwrites newer text"
    assert rating.history.count() == 2
    assert StageProgress.objects.get(enrollment=enrollment, stage=STAGE).status == "in_progress"


def test_form_save_moves_the_evidence_version_on(client_for, enrollment):
    framework = default_framework()
    practice = practices_of(framework)[0]
    rating_save(enrollment=enrollment, practice=practice, level=framework.levels.first(), evidence="One")
    rating = rating_save(enrollment=enrollment, practice=practice, level=framework.levels.first(), evidence="Two")
    assert rating.version == 2
    html = client_for(enrollment.teacher).get(stage_url(enrollment)).content.decode()
    assert 'data-autosave-version="2"' in html
    assert f'data-autosave-key="rating-evidence:{enrollment.pk}:{practice.pk}"' in html


@pytest.mark.parametrize("who", ["other_teacher", "administrator", "instructor"])
def test_others_cannot_autosave_evidence(request, client_for, enrollment, who):
    practice = practices_of(default_framework())[0]
    url = reverse("coursework:rating_evidence_autosave", args=[enrollment.pk, practice.pk])
    assert autosave(client_for(request.getfixturevalue(who)), url, "evidence", "x", 0).status_code == 404
    assert not Rating.objects.exists()


def test_signed_out_autosave_answers_401(client, enrollment):
    practice = practices_of(default_framework())[0]
    url = reverse("coursework:rating_evidence_autosave", args=[enrollment.pk, practice.pk])
    assert autosave(client, url, "evidence", "x", 0).status_code == 401
