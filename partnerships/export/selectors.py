"""The whole partnership as one JSON document, and the plan's steps as CSV.

The JSON shape is documented in docs/EXPORT.md; bump EXPORT_FORMAT when it changes.
"""

from django.db.models import Prefetch
from django.utils import timezone

from partnerships.common.csv import csv_rows
from partnerships.models import (
    HEALTH_FIELDS,
    ActionPlan,
    Agreement,
    ExternalPartner,
    FocusAreaEvidence,
    Idea,
    Outcome,
    OutcomeReading,
    PlanComment,
    Stakeholder,
    Step,
    TouchPoint,
)

EXPORT_FORMAT = "partnership-planner/1"


def _d(value):
    """Dates, datetimes and decimals as strings; everything else as is."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "as_tuple"):
        return str(value)
    return value


def _person(user):
    return None if user is None else {"name": str(user), "email": user.email}


def _comments(obj):
    """Comments on a focus area, if the comment feature is installed (shape: any fields)."""
    related = getattr(obj, "comments", None)
    if related is None or not hasattr(related, "all"):
        return []
    rows = []
    for comment in related.all():
        rows.append(
            {
                f.name: _d(getattr(comment, f.attname))
                for f in comment._meta.concrete_fields
                if f.name not in ("focus_area",)
            }
        )
    return rows


def partnership_export(partnership, *, viewer):
    """Everything of the partnership the viewer may see (drafts only for their author)."""
    from partnerships.access import visible_focus_areas

    members = list(partnership.memberships.select_related("user").order_by("role", "joined_at"))
    focus_areas = list(
        visible_focus_areas(viewer)
        .filter(partnership=partnership)
        .prefetch_related(Prefetch("evidence", queryset=FocusAreaEvidence.objects.order_by("id")), "comments")
    )
    plan = ActionPlan.objects.alive().filter(partnership=partnership).select_related("focus_area").first()
    agreement = Agreement.objects.filter(partnership=partnership).prefetch_related("confirmations__user").first()
    touch_points = list(TouchPoint.objects.alive().filter(partnership=partnership))
    readings = list(OutcomeReading.objects.filter(touch_point__in=touch_points))
    doc = {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "partnership": {
            "id": partnership.pk,
            "title": partnership.title,
            "school": partnership.school,
            "district": partnership.district,
            "status": partnership.status,
            "created_at": _d(partnership.created_at),
        },
        "members": [
            {"id": m.pk, "name": str(m.user), "email": m.user.email, "role": m.role, "joined_at": _d(m.joined_at)}
            for m in members
        ],
        "focus_areas": [
            {
                "id": fa.pk,
                "title": fa.title,
                "need": fa.need,
                "serves": [
                    name
                    for name, flag in (
                        ("students", fa.serves_students),
                        ("teachers", fa.serves_teachers),
                        ("school_community", fa.serves_community),
                    )
                    if flag
                ],
                "rationale": fa.rationale,
                "status": fa.status,
                "evidence": [
                    {"id": e.pk, "kind": e.kind, "ref": e.ref, "source": e.source, "text": e.shown}
                    for e in fa.evidence.all()
                ],
                "comments": _comments(fa),
            }
            for fa in focus_areas
        ],
        "plan": None,
        "stakeholders": [
            {
                "id": s.pk,
                "level": s.level,
                "group": s.group,
                "name": s.name,
                "relationship": s.relationship,
                "role_in_plan": s.role_in_plan,
                "engaged": s.engaged,
            }
            for s in Stakeholder.objects.alive().filter(partnership=partnership)
        ],
        "external_partners": [
            {
                "id": p.pk,
                "name": p.name,
                "kind": p.kind,
                "role": p.role,
                "need": p.need,
                "goals": p.goals,
                "process": p.process,
                "expectations": p.expectations,
                "judging": p.judging,
            }
            for p in ExternalPartner.objects.alive().filter(partnership=partnership)
        ],
        "agreement": None,
        "touch_points": [
            {
                "id": tp.pk,
                "title": tp.title,
                "scheduled_at": _d(tp.scheduled_at),
                "time_zone": tp.time_zone,
                "duration_minutes": tp.duration_minutes,
                "location": tp.location,
                "recorded_at": _d(tp.recorded_at),
                "health": {name: getattr(tp, name) for name in HEALTH_FIELDS},
                "reflections": tp.reflections,
                "next_steps": tp.next_steps,
                "readings": [
                    {"outcome_id": r.outcome_id, "value": _d(r.value)} for r in readings if r.touch_point_id == tp.pk
                ],
            }
            for tp in touch_points
        ],
    }
    if plan is not None:
        doc["plan"] = _plan(plan)
    if agreement is not None:
        doc["agreement"] = {
            "version": agreement.version,
            "shared_goals": agreement.shared_goals,
            "norm_time": agreement.norm_time,
            "norm_communication": agreement.norm_communication,
            "norm_decisions": agreement.norm_decisions,
            "meeting_cadence": agreement.meeting_cadence,
            "confirmations": [
                {
                    "member": _person(c.user),
                    "agreement_version": c.agreement_version,
                    "confirmed_at": _d(c.confirmed_at),
                }
                for c in agreement.confirmations.all()
            ],
        }
    return doc


def _plan(plan):
    return {
        "id": plan.pk,
        "focus_area_id": plan.focus_area_id,
        "goal": plan.goal,
        "communication": plan.communication,
        "version": plan.version,
        "outcomes": [
            {
                "id": o.pk,
                "measure": o.measure,
                "baseline": _d(o.baseline),
                "target": _d(o.target),
                "target_date": _d(o.target_date),
                "data_source": o.data_source,
                "current_value": _d(o.current_value),
                "version": o.version,
            }
            for o in Outcome.objects.alive().filter(plan=plan)
        ],
        "steps": [
            {
                "id": s.pk,
                "title": s.title,
                "owner": s.owner_label,
                "owner_is_member": s.owner_member_id is not None,
                "due_date": _d(s.due_date),
                "status": s.status,
                "time_estimate": s.time_estimate,
                "resources": s.resources,
                "version": s.version,
            }
            for s in Step.objects.alive().filter(plan=plan).select_related("owner_member__user")
        ],
        "ideas": [
            {
                "id": i.pk,
                "text": i.text,
                "author": _person(i.author),
                "promoted_to": i.promoted_to or None,
                "version": i.version,
            }
            for i in Idea.objects.alive().filter(plan=plan).select_related("author")
        ],
        "comments": [
            {"id": c.pk, "author": _person(c.author), "text": c.text, "created_at": _d(c.created_at)}
            for c in PlanComment.objects.filter(plan=plan).select_related("author")
        ],
    }


STEP_COLUMNS = ["Step", "Owner", "Due date", "Status", "Time estimate", "Resources"]


def steps_csv(plan):
    steps = Step.objects.alive().filter(plan=plan).select_related("owner_member__user")
    return csv_rows(
        (
            [
                step.title,
                step.owner_label,
                _d(step.due_date) or "",
                step.get_status_display(),
                step.time_estimate,
                step.resources,
            ]
            for step in steps
        ),
        header=STEP_COLUMNS,
    )


def plan_document(partnership, plan):
    """Everything the partnership plan PDF shows, in a fixed number of queries."""
    from partnerships.models import ExternalPartner, FocusAreaChoice
    from partnerships.plan.selectors import members_of, plan_items
    from partnerships.sustain.selectors import agreement_status, agreement_with_confirmations, outcome_progress

    members = members_of(partnership)
    choice = (
        FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False)
        .select_related("proposed_by", "confirmed_by", "focus_area")
        .first()
    )
    return {
        "partnership": partnership,
        "plan": plan,
        "members": members,
        "choice": choice,
        "progress": outcome_progress(partnership),
        "partners": list(ExternalPartner.objects.alive().filter(partnership=partnership)),
        **agreement_status(agreement_with_confirmations(partnership), members),
        **plan_items(plan),
    }


def meeting_brief(partnership):
    """The one-page brief for the second meeting: the shared focus areas, what each answers,
    who it serves, the evidence the teacher chose to share, and the questions still open.

    Drafts never appear (the administrator reads this), and neither does set-aside work.
    """
    from django.db.models import Prefetch

    from partnerships.focus.agenda import confirmed_choice, meeting_purpose
    from partnerships.models import AgendaItem, Comment, FocusArea, FocusAreaEvidence, ReviewMeeting
    from partnerships.plan.selectors import members_of

    S = FocusArea.Status
    open_questions = Comment.objects.filter(kind=Comment.Kind.QUESTION, resolved=False).select_related("author")
    focus_areas = list(
        FocusArea.objects.shared()
        .exclude(status=S.SET_ASIDE)
        .filter(partnership=partnership)
        .prefetch_related(
            Prefetch("evidence", queryset=FocusAreaEvidence.objects.order_by("kind", "id")),
            Prefetch("comments", queryset=open_questions, to_attr="open_questions"),
        )
        .order_by("shared_at", "id")
    )
    for area in focus_areas:
        area.serves = [
            label
            for label, on in (
                ("students", area.serves_students),
                ("teachers", area.serves_teachers),
                ("the school community", area.serves_community),
            )
            if on
        ]
    choice = confirmed_choice(partnership)
    return {
        "partnership": partnership,
        "meeting": ReviewMeeting.objects.filter(partnership=partnership).first(),
        "members": members_of(partnership),
        "purpose": meeting_purpose(choice),
        "choice": choice,
        "focus_areas": focus_areas,
        "agenda": list(AgendaItem.objects.filter(partnership=partnership).order_by("position", "id")),
    }
