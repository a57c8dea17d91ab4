"""Stage 5 (focus areas) and stage 6 (second meeting) work areas.

Stage 5 lays every input from coursework.evidence side by side, lets the teacher draft
focus areas, cite inputs as evidence (copied as snapshots) and share two or three with
the administrator. Stage 6 points to the review and the second meeting, which live in
the partnership app because the partnership outlives the course.

Stage 5 actions that need the teacher's inputs: citing and un-citing evidence.

Drafting and sharing are handled by the stage-5 work provider in this module (`focus_areas_work`),
so errors can be shown next to their fields on the stage page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from coursework.access import own_enrollments
from coursework.stages.checks import submit_requirement
from coursework.stages.evidence import GOAL, INTERVIEW, KIND_LABELS, STRENGTH, evidence_for
from coursework.stages.services import stage_touch
from coursework.stages.work import stage_work
from partnerships.access import editable_focus_areas
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.focus import services as services_focus
from partnerships.focus.forms import EvidencePickForm, FocusAreaForm, ShareForm
from partnerships.models import FocusArea, FocusAreaEvidence, Membership

# The kinds a well-grounded focus area draws on, and how to say one is missing.
TRACE_KINDS = [
    (GOAL, "a school or district goal"),
    (STRENGTH, "one of your strengths"),
    (INTERVIEW, "anything from the first meeting"),
]


def evidence_groups(items):
    """The inputs grouped by kind, in the order of the stages they come from."""
    by_kind = {kind: [] for kind in KIND_LABELS}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    return [{"kind": k, "label": KIND_LABELS.get(k, k), "items": v} for k, v in by_kind.items()]


def missing_kinds(focus_area):
    cited = {e.kind for e in focus_area.evidence.all()}
    return [label for kind, label in TRACE_KINDS if kind not in cited]


def _focus_areas(partnership, *, read_only):
    qs = partnership.focus_areas.prefetch_related(
        Prefetch("evidence", queryset=FocusAreaEvidence.objects.order_by("kind", "id"))
    ).order_by("created_at", "id")
    return list(qs.shared() if read_only else qs)


def _handle_post(request, enrollment, partnership):
    action = request.POST.get("action")
    if action == "create":
        form = FocusAreaForm(request.POST)
        if form.is_valid():
            fa = services_focus.focus_area_create(partnership=partnership, actor=request.user, **form.content())
            stage_touch(enrollment=enrollment, stage="focus-areas")
            messages.success(request, f"Drafted “{fa.title}”. It stays private until you share it. Add evidence next.")
            return redirect(request.path + f"#focus-{fa.pk}"), {}
        return None, {"create_form": form}
    if action == "share":
        form = ShareForm(request.POST, drafts=partnership.focus_areas.drafts())
        if form.is_valid():
            try:
                shared = services_focus.focus_areas_share(
                    partnership=partnership, actor=request.user, focus_areas=list(form.cleaned_data["focus_areas"])
                )
            except PlannerError as error:
                show_error(request, error, form=form, field="focus_areas")
            else:
                stage_touch(enrollment=enrollment, stage="focus-areas")
                messages.success(
                    request,
                    f"Shared {len(shared)} focus area{'s' if len(shared) != 1 else ''}. Your administrator is told.",
                )
                return redirect(request.path + "#share-heading"), {}
        return None, {"share_form": form}
    return None, {}


@stage_work("focus-areas")
def focus_areas_work(request, enrollment, *, read_only):
    partnership = enrollment.partnership
    items = evidence_for(enrollment)
    context = {
        "template": "coursework/stages/focus-areas.html",
        "groups": evidence_groups(items),
        "evidence_count": len(items),
        "read_only": read_only,
        "partnership": partnership,
    }
    if partnership is None:
        return context
    bound = {}
    if request.method == "POST" and not read_only:
        response, bound = _handle_post(request, enrollment, partnership)
        if response is not None:
            return response
    focus_areas = _focus_areas(partnership, read_only=read_only)
    drafts = [fa for fa in focus_areas if fa.is_draft]
    # The same count the two-or-three rule uses when sharing (services_focus.focus_areas_share).
    in_review = sum(1 for fa in focus_areas if fa.status in FocusArea.IN_REVIEW)
    closed = services_focus.sharing_closed(partnership)
    context.update(
        focus_areas=[
            {
                "focus_area": fa,
                "missing": missing_kinds(fa),
                "pick_form": None
                if read_only or fa.status == FocusArea.Status.SET_ASIDE
                else EvidencePickForm(items=items, focus_area=fa, kind_labels=KIND_LABELS),
            }
            for fa in focus_areas
        ],
        drafts=drafts,
        shared_count=in_review,
        sharing_closed=closed,
        create_form=bound.get("create_form") or FocusAreaForm(),
        share_form=None
        if closed
        else bound.get("share_form") or (ShareForm(drafts=partnership.focus_areas.drafts()) if drafts else None),
        has_administrator=any(m.role == Membership.Role.ADMINISTRATOR for m in partnership.memberships.all()),
    )
    return context


@submit_requirement("focus-areas")
def focus_areas_ready(enrollment):
    if enrollment.partnership is None:
        return "Set up your partnership first; focus areas belong to it."
    count = enrollment.partnership.focus_areas.shared().count()
    if count < services_focus.MIN_SHARED:
        return f"Share two or three focus areas with your administrator first (you have shared {count})."
    return None


def _focus_area(request, enrollment_pk, pk):
    enrollment = get_object_or_404(own_enrollments(request.user).select_related("partnership"), pk=enrollment_pk)
    focus_area = get_object_or_404(editable_focus_areas(request.user).filter(partnership=enrollment.partnership), pk=pk)
    return enrollment, focus_area


def _back(enrollment, focus_area):
    from django.urls import reverse

    return redirect(reverse("coursework:stage", args=[enrollment.pk, "focus-areas"]) + f"#focus-{focus_area.pk}")


@login_required
@require_POST
@once_per_submission
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
    except PlannerError as error:
        show_error(request, error)
    else:
        stage_touch(enrollment=enrollment, stage="focus-areas")
        messages.success(request, f"Added evidence from “{item.source}” to “{focus_area.title}”.")
    return _back(enrollment, focus_area)


@login_required
@require_POST
def evidence_excerpt(request, enrollment_pk, pk, evidence_pk):
    enrollment, focus_area = _focus_area(request, enrollment_pk, pk)
    evidence = get_object_or_404(FocusAreaEvidence.objects.filter(focus_area=focus_area), pk=evidence_pk)
    try:
        services_focus.evidence_excerpt_update(
            evidence=evidence, actor=request.user, excerpt=request.POST.get(f"ev{evidence.pk}-excerpt", "")
        )
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"Saved what your administrator will see from “{evidence.source}”.")
    return _back(enrollment, focus_area)


@login_required
@require_POST
def evidence_remove(request, enrollment_pk, pk, evidence_pk):
    enrollment, focus_area = _focus_area(request, enrollment_pk, pk)
    evidence = get_object_or_404(FocusAreaEvidence.objects.filter(focus_area=focus_area), pk=evidence_pk)
    try:
        services_focus.evidence_remove(evidence=evidence, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"Removed that evidence from “{focus_area.title}”.")
    return _back(enrollment, focus_area)
