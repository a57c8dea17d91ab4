"""Course evaluations: saving a teacher's evaluation and aggregating a cohort's."""

from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone

from coursework.evaluation.models import COMMENT_QUESTIONS, RATING_QUESTIONS, RATING_SCALE
from coursework.models import CourseEvaluation
from partnerships.common.errors import PlannerError

RATING_FIELDS = tuple(q.field for q in RATING_QUESTIONS)
COMMENT_FIELDS = tuple(name for name, _ in COMMENT_QUESTIONS)


@transaction.atomic
def evaluation_save(*, enrollment, answers):
    """Create or update the enrollment's one evaluation while the cohort is open."""
    if not enrollment.cohort.is_open:
        raise PlannerError("This cohort is closed, so the evaluation can no longer be changed.")
    fields = {name: answers[name] for name in RATING_FIELDS}
    fields.update({name: answers.get(name, "").strip() for name in COMMENT_FIELDS})
    evaluation, created = CourseEvaluation.objects.select_for_update().get_or_create(
        enrollment=enrollment, defaults={**fields, "submitted_at": timezone.now()}
    )
    if not created:
        for name, value in fields.items():
            setattr(evaluation, name, value)
        evaluation.save()
    return evaluation, created


def evaluation_summary(cohort):
    """Per question: counts per rating, percentages, mean and response count (one query)."""
    aggregates = {"responses": Count("pk")}
    for name in RATING_FIELDS:
        aggregates[f"{name}__mean"] = Avg(name)
        for value, _ in RATING_SCALE:
            aggregates[f"{name}__{value}"] = Count("pk", filter=Q(**{name: value}))
    data = CourseEvaluation.objects.filter(enrollment__cohort=cohort).aggregate(**aggregates)
    responses = data["responses"]
    questions = []
    for question in RATING_QUESTIONS:
        ratings = []
        for value, label in RATING_SCALE:
            count = data[f"{question.field}__{value}"]
            ratings.append(
                {
                    "value": value,
                    "label": label,
                    "count": count,
                    "percent": round(count * 100 / responses) if responses else 0,
                }
            )
        mean = data[f"{question.field}__mean"]
        questions.append(
            {
                "question": question,
                "ratings": ratings,
                "mean": round(mean, 2) if mean is not None else None,
                "responses": responses,
            }
        )
    return {"responses": responses, "questions": questions}


def evaluation_comments(cohort):
    """Comments per open question. Names only when the cohort's evaluations are not anonymous.

    Anonymous comments are sorted by their text so their order says nothing about who
    wrote them or when.
    """
    anonymous = cohort.anonymous_evaluations
    evaluations = CourseEvaluation.objects.filter(enrollment__cohort=cohort)
    if not anonymous:
        evaluations = evaluations.select_related("enrollment__teacher")
    else:
        evaluations = evaluations.only(*COMMENT_FIELDS)
    evaluations = list(evaluations)
    sections = []
    for name, text in COMMENT_QUESTIONS:
        items = [
            {"text": getattr(e, name), "author": None if anonymous else e.enrollment.teacher}
            for e in evaluations
            if getattr(e, name).strip()
        ]
        if anonymous:
            items.sort(key=lambda item: item["text"].lower())
        sections.append({"field": name, "question": text, "comments": items})
    return {"anonymous": anonymous, "sections": sections}
