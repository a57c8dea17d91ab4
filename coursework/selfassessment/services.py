"""Writes for stage 2, the professional self-reflection."""

from django.db import transaction

from coursework.models import ChosenPractice, Rating, SelfAssessment
from coursework.selfassessment.frameworks import framework_for_cohort
from coursework.stages.services import stage_touch
from partnerships.common.errors import PlannerError

STAGE = "self-reflection"
CHOICE_MIN, CHOICE_MAX = 2, 3


def self_assessment_for(enrollment):
    """The enrollment's self-assessment, or None before the teacher has rated anything."""
    return SelfAssessment.objects.filter(enrollment=enrollment).select_related("framework").first()


@transaction.atomic
def self_assessment_ensure(*, enrollment):
    assessment = self_assessment_for(enrollment)
    if assessment is None:
        assessment = SelfAssessment.objects.create(
            enrollment=enrollment, framework=framework_for_cohort(enrollment.cohort)
        )
    return assessment


@transaction.atomic
def rating_save(*, enrollment, practice, level, evidence=""):
    """Rate one practice (level may be None while only evidence is written)."""
    assessment = self_assessment_ensure(enrollment=enrollment)
    if practice.domain.framework_id != assessment.framework_id:
        raise PlannerError("That practice is not part of your framework.")
    if level is not None and level.framework_id != assessment.framework_id:
        raise PlannerError("That rating level is not part of your framework.")
    rating, created = Rating.objects.get_or_create(
        self_assessment=assessment,
        practice=practice,
        defaults={"level": level, "evidence": evidence, "version": 1 if evidence else 0},
    )
    if not created and (rating.level_id != (level.pk if level else None) or rating.evidence != evidence):
        if rating.evidence != evidence:
            rating.version += 1
        rating.level = level
        rating.evidence = evidence
        rating.save(update_fields=["level", "evidence", "version", "updated_at"])
    assessment.save(update_fields=["updated_at"])
    stage_touch(enrollment=enrollment, stage=STAGE)
    return rating


def choice_problems(strengths, growth_areas):
    """Plain-language problems with a choice of strengths and growth areas (a dict by field)."""
    problems = {}
    for field, chosen, name in (
        ("strengths", strengths, "strengths"),
        ("growth_areas", growth_areas, "areas for growth"),
    ):
        if not CHOICE_MIN <= len(chosen) <= CHOICE_MAX:
            problems[field] = f"Choose {CHOICE_MIN} or {CHOICE_MAX} {name}; you chose {len(chosen)}."
    both = {p.pk for p in strengths} & {p.pk for p in growth_areas}
    if both:
        problems["growth_areas"] = "A practice cannot be both a strength and an area for growth: " + "; ".join(
            p.statement for p in growth_areas if p.pk in both
        )
    return problems


@transaction.atomic
def choices_save(*, enrollment, strengths, growth_areas):
    """Replace the chosen strengths and growth areas (2–3 each, none in both)."""
    problems = choice_problems(strengths, growth_areas)
    if problems:
        raise PlannerError(" ".join(problems.values()))
    assessment = self_assessment_ensure(enrollment=enrollment)
    for practice in [*strengths, *growth_areas]:
        if practice.domain.framework_id != assessment.framework_id:
            raise PlannerError("That practice is not part of your framework.")
    assessment.choices.all().delete()
    ChosenPractice.objects.bulk_create(
        [ChosenPractice(self_assessment=assessment, practice=p, kind=ChosenPractice.Kind.STRENGTH) for p in strengths]
        + [
            ChosenPractice(self_assessment=assessment, practice=p, kind=ChosenPractice.Kind.GROWTH_AREA)
            for p in growth_areas
        ]
    )
    assessment.save(update_fields=["updated_at"])
    stage_touch(enrollment=enrollment, stage=STAGE)
    return assessment
