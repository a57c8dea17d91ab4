"""Reflection prompts and answers: reads and writes (the services of the reflection stages).

Writes are keyword-only functions in one transaction each. Saving an answer keeps a
version (django-simple-history) and marks the stage as started.
"""

from django.db import IntegrityError, transaction

from coursework.autosave.services import Saved
from coursework.models import Prompt, Reflection
from coursework.reflections.defaults import prompt_rows
from coursework.stages.services import stage_touch
from partnerships.common.errors import Conflict, advance_version

# Stages whose work area is "answer the cohort's prompts".
REFLECTION_STAGES = ("mindsets", "final-reflection")


@transaction.atomic
def cohort_prompts_seed(*, cohort, defaults=None):
    """Copy the course's default prompts into the cohort, for stages that have none yet.

    Safe to call again: a stage whose prompts an instructor already edited is left alone.
    Returns the prompts created.
    """
    existing = set(cohort.prompts.values_list("stage", flat=True).distinct())
    new = [
        Prompt(cohort=cohort, stage=stage, position=position, kind=kind, text=text, looks_back=looks_back)
        for stage, position, kind, text, looks_back in prompt_rows(defaults)
        if stage not in existing
    ]
    return Prompt.objects.bulk_create(new)


def stage_prompts(enrollment, stage):
    return list(Prompt.objects.for_stage(enrollment.cohort_id, stage))


def prompts_with_answers(enrollment, stage):
    """[(prompt, reflection or None)] for the stage, in order, in two queries."""
    prompts = stage_prompts(enrollment, stage)
    answers = {r.prompt_id: r for r in Reflection.objects.filter(enrollment=enrollment, prompt__in=prompts)}
    return [(prompt, answers.get(prompt.pk)) for prompt in prompts]


def unanswered_prompts(enrollment, stage):
    return [(p, r) for p, r in prompts_with_answers(enrollment, stage) if r is None or not r.text.strip()]


def unanswered_message(enrollment, stage):
    """A message naming the prompts still unanswered, or None when all are answered."""
    missing = unanswered_prompts(enrollment, stage)
    if not missing:
        return None
    names = "; ".join(f"{prompt.position}. {_short(prompt.text)}" for prompt, _ in missing)
    count = len(missing)
    return (
        f"Answer every question before marking this stage ready: {count} "
        f"{'is' if count == 1 else 'are'} still empty — {names}"
    )


def _short(text, words=8):
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _fields(reflection):
    return {"text": reflection.text, "carry_forward": reflection.carry_forward}


@transaction.atomic
def reflection_save(*, enrollment, prompt, base_version, text=None, carry_forward=None):
    """Save the teacher's answer to one prompt (either field or both) as a new version.

    `base_version` is the version the browser started from (0: no answer yet). If the
    stored answer moved on meanwhile and the new text differs, raises Conflict and
    writes nothing. A save of `carry_forward` alone is not version-checked. Returns
    Saved(version, saved_at).
    """
    changes = {k: v for k, v in {"text": text, "carry_forward": carry_forward}.items() if v is not None}
    reflection = Reflection.objects.select_for_update().filter(enrollment=enrollment, prompt=prompt).first()
    if reflection is None:
        if base_version != 0:
            # The answer this page was showing no longer exists; never write blindly.
            raise Conflict(current_value="", current_version=0, expected_version=base_version)
        if not any(changes.values()):
            return Saved(version=0, saved_at=None)  # nothing typed yet: no empty version
        try:
            with transaction.atomic():
                reflection = Reflection.objects.create(enrollment=enrollment, prompt=prompt, version=1, **changes)
        except IntegrityError:
            # Another tab created it a moment ago: refuse, showing what it saved.
            reflection = Reflection.objects.get(enrollment=enrollment, prompt=prompt)
            raise Conflict(
                current=reflection,
                current_value=reflection.text,
                current_version=reflection.version,
                expected_version=base_version,
                changed_at=reflection.updated_at,
            ) from None
    else:
        current = _fields(reflection)
        if all(current[k] == v for k, v in changes.items()):
            return Saved(version=reflection.version, saved_at=reflection.updated_at)
        advance_version(
            reflection,
            # A lone carry-forward tick is one bit, not text: the last click wins.
            reflection.version if text is None else base_version,
            current_value=reflection.text,
            changed_at=reflection.updated_at,
        )
        for key, value in changes.items():
            setattr(reflection, key, value)
        reflection.save()
    stage_touch(enrollment=enrollment, stage=prompt.stage)
    return Saved(version=reflection.version, saved_at=reflection.updated_at)


@transaction.atomic
def reflections_save_all(*, enrollment, answers):
    """Save several answers from the page's Save button (the no-JavaScript path).

    `answers` is a list of dicts: prompt, text, carry_forward, base_version. Answers that
    conflict are not written; returns {prompt_pk: Conflict} for them so the page can
    show both texts. The others are saved.
    """
    conflicts = {}
    for answer in answers:
        try:
            with transaction.atomic():
                reflection_save(enrollment=enrollment, **answer)
        except Conflict as stale:
            conflicts[answer["prompt"].pk] = stale
    return conflicts


def reflection_versions(reflection):
    """Every saved version of an answer, newest first (history rows)."""
    return reflection.history.order_by("-history_date", "-history_id")


@transaction.atomic
def reflection_restore(*, reflection, history_id):
    """Make an earlier version the current answer. Creates a new version; history is kept.

    Raises Reflection.history.model.DoesNotExist if that version is not this answer's.
    """
    record = reflection.history.get(history_id=history_id)
    reflection = Reflection.objects.select_for_update().get(pk=reflection.pk)
    reflection.text = record.text
    reflection.carry_forward = record.carry_forward
    reflection.version += 1
    reflection._change_reason = f"Restored version {record.version}"
    reflection.save()
    stage_touch(enrollment=reflection.enrollment, stage=reflection.prompt.stage)
    return reflection


def carried_insights(enrollment, stage="mindsets"):
    return list(
        Reflection.objects.filter(enrollment=enrollment, prompt__stage=stage, carry_forward=True)
        .exclude(text="")
        .select_related("prompt")
        .order_by("prompt__position", "prompt_id")
    )
