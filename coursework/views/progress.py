from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from coursework.access import own_enrollments
from coursework.progress_services import StageActionError, stage_reopen, stage_submit
from coursework.stage_checks import submit_check
from coursework.stages import STAGE_BY_SLUG


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
    except StageActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Stage {stage.number} is marked ready for review. Your instructor will see it.")
    return redirect("coursework:stage", enrollment.pk, slug)


@login_required
@require_POST
def stage_reopen_view(request, enrollment_pk, slug):
    stage, enrollment = _stage_and_enrollment(request, enrollment_pk, slug)
    try:
        stage_reopen(enrollment=enrollment, stage=slug)
    except StageActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Stage {stage.number} is back in progress; submit it again when ready.")
    return redirect("coursework:stage", enrollment.pk, slug)
