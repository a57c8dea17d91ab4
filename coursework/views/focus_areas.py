"""Stage 5 actions that need the teacher's inputs: citing and un-citing evidence.

Drafting and sharing are handled by the stage-5 work provider (coursework.focus_work),
so errors can be shown next to their fields on the stage page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from partnerships import services_focus
from partnerships.access import editable_focus_areas
from partnerships.models import FocusAreaEvidence

from coursework import focus_work  # noqa: F401  (registers the stage 5 and 6 work areas)
from coursework.access import own_enrollments
from coursework.evidence import evidence_for
from coursework.progress_services import stage_touch


def _focus_area(request, enrollment_pk, pk):
    enrollment = get_object_or_404(own_enrollments(request.user).select_related("partnership"), pk=enrollment_pk)
    focus_area = get_object_or_404(editable_focus_areas(request.user).filter(partnership=enrollment.partnership), pk=pk)
    return enrollment, focus_area


def _back(enrollment, focus_area):
    from django.urls import reverse

    return redirect(reverse("coursework:stage", args=[enrollment.pk, "focus-areas"]) + f"#focus-{focus_area.pk}")


@login_required
@require_POST
def evidence_add(request, enrollment_pk, pk):
    enrollment, focus_area = _focus_area(request, enrollment_pk, pk)
    ref = request.POST.get(f"fa{focus_area.pk}-ref", "")
    item = next((i for i in evidence_for(enrollment) if i.ref == ref), None) if ref else None
    if item is None:
        messages.error(request, f"Choose an input to add as evidence for “{focus_area.title}”.")
        return _back(enrollment, focus_area)
    try:
        services_focus.evidence_add(
            focus_area=focus_area, actor=request.user, kind=item.kind, ref=item.ref, source=item.source, text=item.text
        )
    except services_focus.FocusError as error:
        messages.error(request, str(error))
    else:
        stage_touch(enrollment=enrollment, stage="focus-areas")
        messages.success(request, f"Added evidence from “{item.source}” to “{focus_area.title}”.")
    return _back(enrollment, focus_area)


@login_required
@require_POST
def evidence_remove(request, enrollment_pk, pk, evidence_pk):
    enrollment, focus_area = _focus_area(request, enrollment_pk, pk)
    evidence = get_object_or_404(FocusAreaEvidence.objects.filter(focus_area=focus_area), pk=evidence_pk)
    try:
        services_focus.evidence_remove(evidence=evidence, actor=request.user)
    except services_focus.FocusError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Removed that evidence from “{focus_area.title}”.")
    return _back(enrollment, focus_area)
