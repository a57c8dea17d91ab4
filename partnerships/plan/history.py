"""Every change to a plan and its items, newest first, with who, when and what changed.

Differences are computed in Python from the stored history rows (no query per entry).
"""

from partnerships.models import ActionPlan, Idea, Membership, Outcome, PlanComment, Step

HISTORY_LIMIT = 300
SKIP = {"id", "version", "created_at", "updated_at", "history_id", "history_date", "history_change_reason"}
SKIP |= {"history_type", "history_user", "history_user_id", "plan", "plan_id", "partnership", "partnership_id"}

ACTIONS = {"+": "created", "~": "changed", "-": "removed"}


def _tracked_fields(model):
    return [f for f in model.history.model._meta.concrete_fields if f.attname not in SKIP and f.name not in SKIP]


def _entries(model, label, rows, names=None):
    names = names or {}
    fields = _tracked_fields(model)
    previous = {}
    entries = []
    for row in sorted(rows, key=lambda r: (r.history_date, r.history_id)):
        before = previous.get(row.id)
        action = ACTIONS.get(row.history_type, "changed")
        changes = []
        if before is not None:
            for f in fields:
                old, new = getattr(before, f.attname), getattr(row, f.attname)
                if f.name in names:
                    old, new = names[f.name].get(old, old), names[f.name].get(new, new)
                if old != new:
                    changes.append({"field": str(f.verbose_name), "old": old, "new": new})
            if getattr(before, "deleted_at", None) is None and getattr(row, "deleted_at", None) is not None:
                action = "deleted"
            elif getattr(before, "deleted_at", None) is not None and getattr(row, "deleted_at", None) is None:
                action = "restored"
        entries.append(
            {
                "when": row.history_date,
                "who": row.history_user,
                "kind": label,
                "item": _describe(row),
                "action": action,
                "changes": [c for c in changes if c["field"] not in ("deleted at", "deleted by")],
            }
        )
        previous[row.id] = row
    return entries


def _describe(row):
    for name in ("measure", "title", "text", "goal"):
        value = getattr(row, name, "")
        if value:
            return str(value)[:80]
    return f"#{row.id}"


def plan_history(plan, limit=HISTORY_LIMIT):
    sources = [
        (ActionPlan, "Plan", ActionPlan.history.filter(id=plan.pk)),
        (Outcome, "Outcome", Outcome.history.filter(plan_id=plan.pk)),
        (Step, "Step", Step.history.filter(plan_id=plan.pk)),
        (Idea, "Idea", Idea.history.filter(plan_id=plan.pk)),
        (PlanComment, "Comment", PlanComment.history.filter(plan_id=plan.pk)),
    ]
    members = Membership.objects.filter(partnership_id=plan.partnership_id).select_related("user")
    names = {"owner_member": {m.pk: str(m.user) for m in members}}
    entries = []
    for model, label, rows in sources:
        rows = rows.select_related("history_user").order_by("-history_date")[:limit]
        entries.extend(_entries(model, label, list(rows), names))
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries[:limit]
