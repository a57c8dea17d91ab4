"""Stage 5 (focus areas) and stage 6 (second meeting) work areas.

Stage 5 lays every input from coursework.evidence side by side, lets the teacher draft
focus areas, cite inputs as evidence (copied as snapshots) and share two or three with
the administrator. Stage 6 points to the review and the second meeting, which live in
the partnership app because the partnership outlives the course.
"""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect

from partnerships import services_focus
from partnerships.forms_focus import EvidencePickForm, FocusAreaForm, ShareForm
from partnerships.models import FocusArea, FocusAreaChoice, FocusAreaEvidence, Membership, ReviewMeeting

from coursework.evidence import GOAL, INTERVIEW, KIND_LABELS, STRENGTH, evidence_for
from coursework.progress_services import stage_touch
from coursework.stage_checks import submit_requirement
from coursework.stage_work import stage_work

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
            except services_focus.FocusError as error:
                form.add_error("focus_areas", str(error))
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
    in_review = sum(
        1
        for fa in focus_areas
        if fa.status in (FocusArea.Status.SHARED, FocusArea.Status.CLARIFICATION_REQUESTED, FocusArea.Status.REVISED)
    )
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
        create_form=bound.get("create_form") or FocusAreaForm(),
        share_form=bound.get("share_form") or (ShareForm(drafts=partnership.focus_areas.drafts()) if drafts else None),
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


@stage_work("second-meeting")
def second_meeting_work(request, enrollment, *, read_only):
    partnership = enrollment.partnership
    context = {"template": "coursework/stages/second-meeting.html", "partnership": partnership}
    if partnership is None:
        return context
    context.update(
        shared=list(partnership.focus_areas.shared().order_by("created_at", "id")),
        meeting=ReviewMeeting.objects.filter(partnership=partnership).first(),
        confirmed=FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False)
        .select_related("focus_area", "proposed_by", "confirmed_by")
        .first(),
    )
    return context


@submit_requirement("second-meeting")
def second_meeting_ready(enrollment):
    if (
        enrollment.partnership is None
        or not enrollment.partnership.focus_choices.filter(confirmed_at__isnull=False).exists()
    ):
        return "Choose one focus area with your administrator first: both of you confirm it on the review page."
    return None
