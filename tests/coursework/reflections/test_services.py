"""Prompts, answers, versions and restore: the services and reads behind the reflection stages."""

import pytest

from coursework.models import Prompt, Reflection, StageProgress
from coursework.reflections.defaults import DEFAULT_PROMPTS
from coursework.reflections.services import (
    carried_insights,
    cohort_prompts_seed,
    prompts_with_answers,
    reflection_restore,
    reflection_save,
    reflection_versions,
    reflections_save_all,
    unanswered_message,
)
from coursework.stages.checks import submit_check
from coursework.stages.evidence import INSIGHT, evidence_for
from partnerships.common.errors import Conflict
from tests.coursework.factories import CohortFactory, EnrollmentFactory, PromptFactory, ReflectionFactory

pytestmark = pytest.mark.django_db


def mindset_prompts(enrollment):
    return list(Prompt.objects.for_stage(enrollment.cohort, "mindsets"))


# --- prompts -----------------------------------------------------------------------------


def test_new_cohort_gets_default_prompts_for_every_reflection_stage():
    cohort = CohortFactory(prompts=False)
    created = cohort_prompts_seed(cohort=cohort)
    assert len(created) == sum(len(p) for p in DEFAULT_PROMPTS.values())
    mindsets = list(Prompt.objects.for_stage(cohort, "mindsets"))
    assert [p.position for p in mindsets] == list(range(1, len(DEFAULT_PROMPTS["mindsets"]) + 1))
    kinds = {p.kind for p in mindsets}
    assert {
        Prompt.Kind.MINDSET,
        Prompt.Kind.OWN_VIEW,
        Prompt.Kind.ADMINISTRATOR_VIEW,
        Prompt.Kind.OBSERVER_VIEW,
        Prompt.Kind.NORMS,
        Prompt.Kind.HABITS,
    } <= kinds
    assert Prompt.objects.for_stage(cohort, "final-reflection").count() == len(DEFAULT_PROMPTS["final-reflection"])


def test_seeding_again_changes_nothing_and_keeps_an_instructors_own_prompts():
    cohort = CohortFactory(prompts=False)
    own = PromptFactory(cohort=cohort, stage="mindsets", text="Our cohort's own question")
    cohort_prompts_seed(cohort=cohort)
    assert list(Prompt.objects.for_stage(cohort, "mindsets")) == [own]
    before = Prompt.objects.filter(cohort=cohort).count()
    assert cohort_prompts_seed(cohort=cohort) == []
    assert Prompt.objects.filter(cohort=cohort).count() == before


def test_cohort_prompts_are_copies_not_shared(enrollment, other_enrollment):
    first = mindset_prompts(enrollment)[0]
    first.text = "Edited for this cohort only"
    first.save()
    assert mindset_prompts(other_enrollment)[0].text != "Edited for this cohort only"


# --- saving answers ----------------------------------------------------------------------


def test_first_save_creates_version_one_and_starts_the_stage(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    saved = reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="First thoughts")
    reflection = Reflection.objects.get(enrollment=enrollment, prompt=prompt)
    assert (saved.version, reflection.version, reflection.text) == (1, 1, "First thoughts")
    assert saved.saved_at == reflection.updated_at
    assert reflection.history.count() == 1
    progress = enrollment.progress.get(stage="mindsets")
    assert progress.status == StageProgress.Status.IN_PROGRESS
    assert progress.started_at is not None
    enrollment.refresh_from_db()
    assert enrollment.last_activity_at is not None


def test_each_save_is_a_new_version_kept_in_history(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    for version, text in enumerate(["one", "one two", "one two three"]):
        reflection_save(enrollment=enrollment, prompt=prompt, base_version=version, text=text)
    reflection = Reflection.objects.get(enrollment=enrollment, prompt=prompt)
    assert reflection.version == 3
    assert [h.text for h in reflection_versions(reflection)] == ["one two three", "one two", "one"]


def test_saving_on_a_stale_version_is_refused_and_writes_nothing(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="from tab A")
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="from tab A, more")
    with pytest.raises(Conflict) as info:
        reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="from tab B")
    assert info.value.current_value == "from tab A, more"
    assert info.value.current_version == 2
    reflection = Reflection.objects.get(enrollment=enrollment, prompt=prompt)
    assert (reflection.text, reflection.version, reflection.history.count()) == ("from tab A, more", 2, 2)


def test_a_retried_save_of_the_same_text_is_not_a_conflict(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="same")
    saved = reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="same")
    assert saved.version == 1
    assert Reflection.history.count() == 1


def test_a_page_that_saw_no_answer_cannot_overwrite_one_created_since(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="tab A")
    with pytest.raises(Conflict):
        reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="tab B")


def test_a_page_whose_answer_vanished_cannot_write_blindly(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    with pytest.raises(Conflict):
        reflection_save(enrollment=enrollment, prompt=prompt, base_version=3, text="text")
    assert not Reflection.objects.exists()


def test_an_empty_first_save_stores_nothing(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    saved = reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="")
    assert saved.version == 0
    assert not Reflection.objects.exists()
    assert enrollment.progress.get(stage="mindsets").status == StageProgress.Status.NOT_STARTED


def test_carry_forward_alone_is_not_version_checked(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="insight")
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="insight, revised")
    saved = reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, carry_forward=True)
    reflection = Reflection.objects.get(enrollment=enrollment, prompt=prompt)
    assert reflection.carry_forward is True
    assert reflection.text == "insight, revised"
    assert saved.version == 3


def test_save_all_saves_what_it_can_and_reports_conflicts(enrollment):
    first, second = mindset_prompts(enrollment)[:2]
    reflection_save(enrollment=enrollment, prompt=first, base_version=0, text="saved elsewhere")
    conflicts = reflections_save_all(
        enrollment=enrollment,
        answers=[
            {"prompt": first, "text": "typed here", "carry_forward": False, "base_version": 0},
            {"prompt": second, "text": "new answer", "carry_forward": True, "base_version": 0},
        ],
    )
    assert list(conflicts) == [first.pk]
    assert conflicts[first.pk].current_value == "saved elsewhere"
    assert Reflection.objects.get(prompt=first).text == "saved elsewhere"
    second_answer = Reflection.objects.get(prompt=second)
    assert (second_answer.text, second_answer.carry_forward) == ("new answer", True)


# --- versions and restore ----------------------------------------------------------------


def test_restore_makes_an_old_version_current_as_a_new_version(enrollment):
    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="the good draft", carry_forward=True)
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=1, text="an accidental overwrite")
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=2, carry_forward=False)
    reflection = Reflection.objects.get(prompt=prompt)
    first = reflection.history.get(version=1)
    restored = reflection_restore(reflection=reflection, history_id=first.history_id)
    assert (restored.text, restored.carry_forward, restored.version) == ("the good draft", True, 4)
    versions = list(reflection_versions(restored))
    assert [v.version for v in versions] == [4, 3, 2, 1]
    assert versions[0].history_change_reason == "Restored version 1"
    assert versions[2].text == "an accidental overwrite"  # nothing deleted


def test_restore_refuses_a_version_of_another_answer(enrollment):
    first, second = mindset_prompts(enrollment)[:2]
    reflection_save(enrollment=enrollment, prompt=first, base_version=0, text="a")
    reflection_save(enrollment=enrollment, prompt=second, base_version=0, text="b")
    other_record = Reflection.objects.get(prompt=second).history.get()
    with pytest.raises(Reflection.history.model.DoesNotExist):
        reflection_restore(reflection=Reflection.objects.get(prompt=first), history_id=other_record.history_id)


# --- reads, submit check and evidence ----------------------------------------------------


def test_prompts_with_answers_pairs_every_prompt(enrollment):
    prompts = mindset_prompts(enrollment)
    reflection_save(enrollment=enrollment, prompt=prompts[1], base_version=0, text="answer two")
    pairs = prompts_with_answers(enrollment, "mindsets")
    assert [p for p, _ in pairs] == prompts
    assert pairs[0][1] is None
    assert pairs[1][1].text == "answer two"


def test_submit_needs_every_mindsets_prompt_answered(enrollment):
    prompts = mindset_prompts(enrollment)
    for prompt in prompts[:-2]:
        reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="An answer")
    reflection_save(enrollment=enrollment, prompt=prompts[-2], base_version=0, text="   \n ")
    message = submit_check("mindsets", enrollment)
    assert "2 are still empty" in message
    assert f"{prompts[-2].position}. " in message and f"{prompts[-1].position}. " in message
    assert f"{prompts[0].position}. {prompts[0].text.split()[0]}" not in message
    reflection_save(enrollment=enrollment, prompt=prompts[-2], base_version=1, text="Now answered")
    reflection_save(enrollment=enrollment, prompt=prompts[-1], base_version=0, text="And this one")
    assert submit_check("mindsets", enrollment) is None


def test_final_reflection_submit_check_lists_missing_answers(enrollment):
    assert "5 are still empty" in submit_check("final-reflection", enrollment)
    assert unanswered_message(enrollment, "final-reflection") == submit_check("final-reflection", enrollment)


def test_carried_forward_mindsets_become_insight_evidence(enrollment, other_enrollment):
    prompts = mindset_prompts(enrollment)
    reflection_save(enrollment=enrollment, prompt=prompts[0], base_version=0, text="Carry me", carry_forward=True)
    reflection_save(enrollment=enrollment, prompt=prompts[1], base_version=0, text="Keep me here")
    reflection_save(enrollment=enrollment, prompt=prompts[2], base_version=0, text="", carry_forward=True)
    other_prompt = mindset_prompts(other_enrollment)[0]
    reflection_save(
        enrollment=other_enrollment, prompt=other_prompt, base_version=0, text="Not yours", carry_forward=True
    )
    final = Prompt.objects.for_stage(enrollment.cohort, "final-reflection").first()
    reflection_save(enrollment=enrollment, prompt=final, base_version=0, text="final", carry_forward=True)

    insights = [item for item in evidence_for(enrollment) if item.kind == INSIGHT]
    assert [item.text for item in insights] == ["Carry me"]
    reflection = Reflection.objects.get(prompt=prompts[0])
    assert insights[0].ref == f"reflection:{reflection.pk}"
    assert insights[0].source == "Mindsets — Mindset"
    assert [r.text for r in carried_insights(enrollment)] == ["Carry me"]


def test_reflection_factory_makes_a_saved_answer():
    reflection = ReflectionFactory()
    assert reflection.version == 1
    assert reflection.history.count() == 1
    assert reflection.prompt.cohort == reflection.enrollment.cohort


def test_deleting_an_answered_prompt_is_refused(enrollment):
    from django.db.models import ProtectedError

    prompt = mindset_prompts(enrollment)[0]
    reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text="keep me")
    with pytest.raises(ProtectedError):
        prompt.delete()


def test_enrollment_factory_cohort_has_prompts():
    enrollment = EnrollmentFactory()
    assert len(mindset_prompts(enrollment)) == len(DEFAULT_PROMPTS["mindsets"])
