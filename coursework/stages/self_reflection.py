"""Stage 2 plugs in here: its work area, its minimum work and the evidence it offers."""

from django.db.models import Prefetch
from django.urls import reverse

from coursework.models import ChosenPractice, Practice, Rating, SelfAssessment
from coursework.selfassessment.forms import ChoicesForm, RatingForm
from coursework.selfassessment.frameworks import framework_for_cohort
from coursework.selfassessment.services import CHOICE_MAX, CHOICE_MIN, STAGE
from coursework.stages import evidence
from coursework.stages.checks import submit_requirement
from coursework.stages.views import bound_form
from coursework.stages.work import stage_work


def _assessment(enrollment):
    return (
        SelfAssessment.objects.filter(enrollment=enrollment)
        .select_related("framework")
        .prefetch_related(
            "ratings__level",
            Prefetch("choices", queryset=ChosenPractice.objects.select_related("practice__domain")),
        )
        .first()
    )


def framework_outline(framework):
    """Domains with their practices, and the rating levels, in two queries."""
    domains = list(
        framework.domains.prefetch_related(Prefetch("practices", queryset=Practice.objects.order_by("position")))
    )
    return domains, list(framework.levels.all())


def results(domains, ratings_by_practice, levels):
    """Per domain: each practice's rating and the domain's average, ready for the chart."""
    top = max((level.value for level in levels), default=4)
    rows = []
    for domain in domains:
        practices = []
        for practice in domain.practices.all():
            rating = ratings_by_practice.get(practice.pk)
            level = rating.level if rating else None
            practices.append(
                {
                    "practice": practice,
                    "level": level,
                    "evidence": rating.evidence if rating else "",
                    "percent": round(level.value * 100 / top) if level else 0,
                }
            )
        rated = [p["level"].value for p in practices if p["level"]]
        average = sum(rated) / len(rated) if rated else None
        rows.append(
            {
                "domain": domain,
                "practices": practices,
                "rated": len(rated),
                "total": len(practices),
                "average": average,
                "percent": round(average * 100 / top) if average else 0,
            }
        )
    return rows, top


def self_reflection_context(enrollment):
    assessment = _assessment(enrollment)
    framework = assessment.framework if assessment else framework_for_cohort(enrollment.cohort)
    domains, levels = framework_outline(framework)
    ratings = {r.practice_id: r for r in assessment.ratings.all()} if assessment else {}
    choices = list(assessment.choices.all()) if assessment else []
    rows, top = results(domains, ratings, levels)
    return {
        "framework": framework,
        "assessment": assessment,
        "domains": domains,
        "levels": levels,
        "ratings": ratings,
        "result_rows": rows,
        "top_level": top,
        "strengths": [c.practice for c in choices if c.kind == ChosenPractice.Kind.STRENGTH],
        "growth_areas": [c.practice for c in choices if c.kind == ChosenPractice.Kind.GROWTH_AREA],
        "rated_count": len([r for r in ratings.values() if r.level_id]),
        "practice_count": sum(row["total"] for row in rows),
    }


@stage_work(STAGE)
def self_reflection_work(request, enrollment, *, read_only):
    context = self_reflection_context(enrollment)
    if read_only:
        return {"template": "coursework/stages/self-reflection.html", "read_only": True, **context}
    levels, ratings = context["levels"], context["ratings"]
    bound_rating = bound_form(request, "rating")
    for domain in context["domains"]:
        domain.forms = []
        for practice in domain.practices.all():
            if bound_rating is not None and bound_rating.practice.pk == practice.pk:
                form = bound_rating
            else:
                rating = ratings.get(practice.pk)
                initial = {
                    "level": str(rating.level_id) if rating and rating.level_id else "",
                    "evidence": rating.evidence if rating else "",
                }
                form = RatingForm(levels=levels, practice=practice, initial=initial)
            rating = ratings.get(practice.pk)
            form.autosave = {
                "url": reverse("coursework:rating_evidence_autosave", args=[enrollment.pk, practice.pk]),
                "version": rating.version if rating else 0,
                "key": f"rating-evidence:{enrollment.pk}:{practice.pk}",
                "status_id": f"rating-{practice.pk}",
                "field": "evidence",
                "saved_at": rating.updated_at if rating and rating.evidence else None,
            }
            domain.forms.append((practice, form))
    all_practices = [p for d in context["domains"] for p in d.practices.all()]
    choices_form = bound_form(request, "choices") or ChoicesForm(
        practices=all_practices,
        initial={
            "strengths": [str(p.pk) for p in context["strengths"]],
            "growth_areas": [str(p.pk) for p in context["growth_areas"]],
        },
    )
    return {
        "template": "coursework/stages/self-reflection.html",
        "read_only": read_only,
        "choices_form": choices_form,
        "choice_min": CHOICE_MIN,
        "choice_max": CHOICE_MAX,
        **context,
    }


@submit_requirement(STAGE)
def self_reflection_ready(enrollment):
    context = self_reflection_context(enrollment)
    problems = []
    if context["rated_count"] < context["practice_count"]:
        problems.append(f"rate every practice ({context['rated_count']} of {context['practice_count']} rated so far)")
    if not (
        CHOICE_MIN <= len(context["strengths"]) <= CHOICE_MAX
        and CHOICE_MIN <= len(context["growth_areas"]) <= CHOICE_MAX
    ):
        problems.append(f"choose {CHOICE_MIN}–{CHOICE_MAX} strengths and {CHOICE_MIN}–{CHOICE_MAX} areas for growth")
    if problems:
        return "Before marking this stage ready, " + " and ".join(problems) + "."
    return None


@evidence.register_evidence
def self_reflection_evidence(enrollment):
    choices = list(
        ChosenPractice.objects.filter(self_assessment__enrollment=enrollment).select_related("practice__domain")
    )
    ratings = {
        r.practice_id: r
        for r in Rating.objects.filter(
            self_assessment__enrollment=enrollment, practice_id__in=[c.practice_id for c in choices]
        ).select_related("level")
    }
    items = []
    for choice in choices:
        practice = choice.practice
        rating = ratings.get(practice.pk)
        text = practice.statement
        if rating and rating.level:
            text += f" (rated {rating.level.label})"
        if rating and rating.evidence:
            text += f" — {rating.evidence}"
        kind = evidence.STRENGTH if choice.kind == ChosenPractice.Kind.STRENGTH else evidence.GROWTH_AREA
        items.append(
            evidence.EvidenceItem(
                kind=kind, ref=f"practice:{practice.pk}", source=f"Self-reflection: {practice.domain.name}", text=text
            )
        )
    return items
