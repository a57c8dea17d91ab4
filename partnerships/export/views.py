"""Downloads: the whole partnership as JSON, the plan's steps as CSV, the plan and the second
meeting's brief as PDF (each audited), and the brief as a page to print."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from partnerships.access import visible_partnerships, visible_plans
from partnerships.audit.services import audit_record
from partnerships.common.pdf import pdf_response
from partnerships.export.selectors import meeting_brief, partnership_export, plan_document, steps_csv


@login_required
@require_safe
def partnership_json(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    body = json.dumps(partnership_export(partnership, viewer=request.user), indent=2, ensure_ascii=False)
    audit_record(actor=request.user, action="export", target=partnership, summary=f"JSON of {partnership}")
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = slugify(partnership.title) or "partnership"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@login_required
@require_safe
def plan_steps_csv(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    plan = get_object_or_404(visible_plans(request.user).alive(), partnership=partnership)
    audit_record(actor=request.user, action="export", target=plan, summary=f"Steps CSV of {partnership}")
    response = HttpResponse(steps_csv(plan), content_type="text/csv; charset=utf-8")
    name = slugify(partnership.title) or "partnership"
    response["Content-Disposition"] = f'attachment; filename="{name}-steps.csv"'
    return response


@login_required
@require_safe
def plan_pdf(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    plan = get_object_or_404(visible_plans(request.user).alive().select_related("focus_area"), partnership=partnership)
    audit_record(actor=request.user, action="export", target=plan, summary=f"Plan PDF of {partnership}")
    return pdf_response(
        template="documents/plan.html",
        context=plan_document(partnership, plan),
        filename=f"{partnership.title}-plan",
        request=request,
    )


@login_required
@require_safe
def meeting_brief_page(request, pk):
    """The brief as a page to read or print; the same document the PDF is made from."""
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    return render(
        request,
        "documents/meeting_brief.html",
        {"static_base": settings.STATIC_URL, "as_page": True, **meeting_brief(partnership)},
    )


@login_required
@require_safe
def meeting_brief_pdf(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    audit_record(actor=request.user, action="export", target=partnership, summary=f"Meeting brief PDF of {partnership}")
    return pdf_response(
        template="documents/meeting_brief.html",
        context=meeting_brief(partnership),
        filename=f"{partnership.title}-meeting-brief",
        request=request,
    )
