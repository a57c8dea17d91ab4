from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from coursework.access import own_enrollments
from coursework.models import StageProgress
from coursework.progress import stage_rows
from coursework.review import stage_feedback
from coursework.stage_work import work_context
from coursework.stages import STAGE_BY_SLUG


@login_required
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
        "current": current,
        "draws_on": [STAGE_BY_SLUG[s] for s in stage.draws_on],
        "feedback": stage_feedback(enrollment, slug),
        **work,
    }
    return render(request, template, context)
