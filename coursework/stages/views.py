"""Shared plumbing for the small POST endpoints behind each stage's work area.

Each long-text field posts to its own endpoint. Without JavaScript the endpoint answers
with a redirect back to the stage page (at the form's anchor); an htmx request gets a
short "Saved at 10:42" fragment instead, so autosave can be attached later. Invalid input
re-renders the whole stage page with the bound form in place (status 400), keeping what
the teacher typed next to the error.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.html import escape
from django.views.decorators.http import require_POST

from coursework.access import own_enrollments
from coursework.feedback.services import stage_feedback
from coursework.models import StageProgress
from coursework.stages.checks import submit_check
from coursework.stages.registry import STAGE_BY_SLUG
from coursework.stages.selectors import progress_summary, stage_rows
from coursework.stages.services import stage_reopen, stage_submit
from coursework.stages.work import work_context
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission


@login_required
@once_per_submission
def stage_page(request, enrollment_pk, slug):
    stage = STAGE_BY_SLUG.get(slug)
    if stage is None:
        raise Http404("No such stage")
    enrollment = get_object_or_404(
        own_enrollments(request.user)
        .select_related("cohort__course", "partnership")
        .prefetch_related(
            Prefetch("progress", queryset=StageProgress.objects.order_by("id")), "cohort__stage_settings"
        ),
        pk=enrollment_pk,
    )
    rows = stage_rows(enrollment)
    current = next(r for r in rows if r["stage"].slug == slug)
    work = work_context(slug, request, enrollment)
    if not isinstance(work, dict):
        return work  # a provider may answer a POST with a redirect
    template = work.pop("template")
    context = {
        "enrollment": enrollment,
        "stage": stage,
        "rows": rows,
        "summary": progress_summary(rows),
        "current": current,
        "draws_on": [STAGE_BY_SLUG[s] for s in stage.draws_on],
        "feedback": stage_feedback(enrollment, slug),
        **work,
    }
    return render(request, template, context)


def _stage_and_enrollment(request, enrollment_pk, slug):
    if slug not in STAGE_BY_SLUG:
        raise Http404("No such stage")
    return STAGE_BY_SLUG[slug], get_object_or_404(own_enrollments(request.user), pk=enrollment_pk)


@login_required
@require_POST
def stage_submit_view(request, enrollment_pk, slug):
    stage, enrollment = _stage_and_enrollment(request, enrollment_pk, slug)
    try:
        stage_submit(enrollment=enrollment, stage=slug, can_submit=lambda: submit_check(slug, enrollment))
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"Stage {stage.number} is marked ready for review. Your instructor will see it.")
    return redirect("coursework:stage", enrollment.pk, slug)


@login_required
@require_POST
def stage_reopen_view(request, enrollment_pk, slug):
    stage, enrollment = _stage_and_enrollment(request, enrollment_pk, slug)
    try:
        stage_reopen(enrollment=enrollment, stage=slug)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"Stage {stage.number} is back in progress; submit it again when ready.")
    return redirect("coursework:stage", enrollment.pk, slug)


def own_enrollment(request, enrollment_pk):
    return get_object_or_404(own_enrollments(request.user).select_related("cohort", "partnership"), pk=enrollment_pk)


def stage_url(enrollment, slug, anchor=""):
    url = reverse("coursework:stage", args=[enrollment.pk, slug])
    return f"{url}#{anchor}" if anchor else url


def saved(request, enrollment, slug, *, anchor="", message=""):
    if getattr(request, "htmx", False):
        now = timezone.localtime()
        return HttpResponse(f'<span class="save-status">Saved at {escape(time_format(now, "H:i"))}</span>')
    if message:
        messages.success(request, message)
    return redirect(stage_url(enrollment, slug, anchor))


def invalid(request, enrollment, slug, **bound_forms):
    """The stage page again, with these bound forms (keyed as the provider expects)."""
    if getattr(request, "htmx", False):
        errors = "; ".join(
            str(e) for form in bound_forms.values() for field_errors in form.errors.values() for e in field_errors
        )
        return HttpResponse(f'<span class="save-status is-error">Not saved: {escape(errors)}</span>', status=422)

    request.stage_forms = bound_forms
    request.method = "GET"  # the provider renders; it must not treat this as its own POST
    response = stage_page(request, enrollment.pk, slug)
    response.status_code = 400
    return response


def bound_form(request, key):
    """A bound form handed over by `invalid`, or None."""
    return getattr(request, "stage_forms", {}).get(key)
