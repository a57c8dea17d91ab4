"""An instructor reads a teacher's stage work (read-only) and leaves feedback."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render

from coursework.access import instructed_enrollments
from coursework.feedback.forms import ReviewForm
from coursework.feedback.services import feedback_add, stage_feedback
from coursework.models import Feedback, StageProgress
from coursework.stages.registry import STAGE_BY_SLUG
from coursework.stages.selectors import progress_summary, stage_rows
from coursework.stages.work import work_context
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission

REVIEWABLE = (StageProgress.Status.SUBMITTED, StageProgress.Status.COMPLETE, StageProgress.Status.NEEDS_REVISION)
NO_WORK_TEMPLATE = "coursework/stage.html"


def _read_only_request(request):
    """Providers see a plain GET, so a review POST never reaches a teacher's work form."""
    clone = copy.copy(request)
    clone.method = "GET"
    clone.POST = QueryDict()
    return clone


@login_required
@once_per_submission
def stage_review_page(request, enrollment_pk, slug):
    stage = STAGE_BY_SLUG.get(slug)
    if stage is None:
        raise Http404("No such stage")
    enrollment = get_object_or_404(
        instructed_enrollments(request.user)
        .select_related("teacher", "cohort__course", "partnership")
        .prefetch_related(
            Prefetch("progress", queryset=StageProgress.objects.order_by("id")), "cohort__stage_settings"
        ),
        pk=enrollment_pk,
    )
    rows = stage_rows(enrollment)
    current = next(r for r in rows if r["stage"].slug == slug)
    reviewable = current["status"] in REVIEWABLE
    form = ReviewForm(request.POST or None, reviewable=reviewable)
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        try:
            feedback_add(
                enrollment=enrollment,
                stage=slug,
                author=request.user,
                text=form.cleaned_data["text"],
                decision=decision,
            )
        except PlannerError as error:
            show_error(request, error, form=form, field="decision")
        else:
            done = {
                Feedback.Decision.COMPLETE: "Stage marked complete",
                Feedback.Decision.NEEDS_REVISION: "Stage returned for revision",
            }.get(decision, "Feedback sent")
            messages.success(request, f"{done}; {enrollment.teacher} is notified.")
            return redirect("coursework:stage_review", enrollment.pk, slug)
    work = work_context(slug, _read_only_request(request), enrollment, read_only=True)
    if not isinstance(work, dict):
        work = {"template": NO_WORK_TEMPLATE}
    work_template = work.pop("template")
    context = {
        **work,
        "enrollment": enrollment,
        "stage": stage,
        "rows": rows,
        "summary": progress_summary(rows),
        "current": current,
        "draws_on": [STAGE_BY_SLUG[s] for s in stage.draws_on],
        "read_only": True,
        "work_template": work_template,
        "no_work_area": work_template == NO_WORK_TEMPLATE,
        "feedback": stage_feedback(enrollment, slug),
        "review_form": form,
        "reviewable": reviewable,
    }
    return render(request, "coursework/feedback/review.html", context, status=400 if request.method == "POST" else 200)
