"""The teacher's course evaluation, and the instructor's aggregated view of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from coursework.access import own_enrollments, taught_cohorts
from coursework.evaluation.forms import EvaluationForm
from coursework.evaluation.models import RATING_QUESTIONS, RATING_SCALE
from coursework.evaluation.services import evaluation_comments, evaluation_save, evaluation_summary
from coursework.models import CourseEvaluation
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission


@login_required
@once_per_submission
def evaluation_form(request, pk):
    enrollment = get_object_or_404(own_enrollments(request.user).select_related("cohort__course"), pk=pk)
    evaluation = CourseEvaluation.objects.filter(enrollment=enrollment).first()
    closed = not enrollment.cohort.is_open
    form = EvaluationForm(None if closed else (request.POST or None), instance=evaluation)
    if request.method == "POST" and not closed and form.is_valid():
        try:
            _, created = evaluation_save(enrollment=enrollment, answers=form.cleaned_data)
        except PlannerError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                "Thank you — your evaluation is submitted."
                if created
                else "Your evaluation is updated. You can change it until the cohort closes.",
            )
            return redirect("coursework:evaluation", enrollment.pk)
    answers = []
    if closed and evaluation:
        labels = dict(RATING_SCALE)
        answers = [
            {"question": q.text, "value": getattr(evaluation, q.field), "label": labels[getattr(evaluation, q.field)]}
            for q in RATING_QUESTIONS
        ]
    status = 400 if (request.method == "POST" and (closed or form.errors)) else 200
    return render(
        request,
        "coursework/evaluation/form.html",
        {
            "enrollment": enrollment,
            "evaluation": evaluation,
            "form": form,
            "closed": closed,
            "answers": answers,
            "rating_fields": [form[q.field] for q in RATING_QUESTIONS],
            "comment_fields": [form[name] for name in ("comment_worked", "comment_change")],
        },
        status=status,
    )


@login_required
def evaluation_results(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user).select_related("course"), pk=pk)
    return render(
        request,
        "coursework/evaluation/results.html",
        {"cohort": cohort, "summary": evaluation_summary(cohort), "comments": evaluation_comments(cohort)},
    )
