from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from coursework.access import reflection_reader_enrollments
from coursework.models import Practice
from coursework.selfassessment.forms import ChoicesForm, RatingForm
from coursework.selfassessment.frameworks import framework_for_cohort
from coursework.selfassessment.services import (
    STAGE,
    choices_save,
    rating_save,
    self_assessment_for,
)
from coursework.stages.registry import STAGE_BY_SLUG
from coursework.stages.self_reflection import self_reflection_context
from coursework.stages.views import invalid, own_enrollment, saved
from partnerships.common.errors import PlannerError, show_error


def _framework(enrollment):
    assessment = self_assessment_for(enrollment)
    return assessment.framework if assessment else framework_for_cohort(enrollment.cohort)


@login_required
@require_POST
def rating_save_view(request, enrollment_pk, practice_pk):
    enrollment = own_enrollment(request, enrollment_pk)
    framework = _framework(enrollment)
    practice = get_object_or_404(
        Practice.objects.filter(domain__framework=framework).select_related("domain"), pk=practice_pk
    )
    form = RatingForm(request.POST, levels=list(framework.levels.all()), practice=practice)
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, rating=form)
    try:
        rating_save(enrollment=enrollment, practice=practice, **form.cleaned_data)
    except PlannerError as error:
        show_error(request, error, form=form)
        return invalid(request, enrollment, STAGE, rating=form)
    return saved(request, enrollment, STAGE, anchor=f"practice-{practice.pk}", message="Rating saved.")


@login_required
@require_POST
def choices_save_view(request, enrollment_pk):
    enrollment = own_enrollment(request, enrollment_pk)
    practices = list(Practice.objects.filter(domain__framework=_framework(enrollment)).select_related("domain"))
    form = ChoicesForm(request.POST, practices=practices)
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, choices=form)
    try:
        choices_save(enrollment=enrollment, **form.cleaned_data)
    except PlannerError as error:
        show_error(request, error, form=form)
        return invalid(request, enrollment, STAGE, choices=form)
    return saved(
        request, enrollment, STAGE, anchor="choices-heading", message="Your strengths and areas for growth are saved."
    )


@login_required
def results_view(request, enrollment_pk):
    # The teacher and the cohort's instructors read the results (DESIGN.md §4).
    enrollment = get_object_or_404(
        reflection_reader_enrollments(request.user).select_related("cohort"), pk=enrollment_pk
    )
    context = self_reflection_context(enrollment)
    return render(
        request,
        "coursework/stages/self-reflection-results.html",
        {"enrollment": enrollment, "stage": STAGE_BY_SLUG[STAGE], **context},
    )


__all__ = ["choices_save_view", "rating_save_view", "results_view"]
