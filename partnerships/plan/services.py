"""Writes to the action plan: creation, versioned saves, soft delete and restore.

Every save names the version it started from. If someone else saved the item in the
meantime, the save is refused with `Conflict` (partnerships/common/errors.py), which carries
the item as it is now so the view can show both versions side by side. Nothing typed is
overwritten silently.
"""

from django.db import transaction
from django.utils import timezone

from partnerships.audit.services import audit_record
from partnerships.common.errors import PlannerError, advance_version
from partnerships.common.softdelete import is_restorable
from partnerships.models import ActionPlan, FocusArea, Idea, Outcome, PlanComment, Step


def stale_message(current):
    return f"{current._meta.verbose_name.capitalize()} was changed by someone else."


def with_history_user(instance, by):
    # simple_history takes the user from the request middleware; outside a request
    # (demo, tests, shell) it reads this attribute instead.
    instance._history_user = by
    return instance


@transaction.atomic
def action_plan_create(*, focus_area, by):
    """Start the plan from the partners' selected focus area (at most one per partnership)."""
    if focus_area.status != FocusArea.Status.SELECTED:
        raise PlannerError("A plan starts from the focus area you and your administrator selected.")
    existing = ActionPlan.objects.alive().filter(partnership=focus_area.partnership).first()
    if existing is not None:
        return existing
    plan = with_history_user(
        ActionPlan(partnership=focus_area.partnership, focus_area=focus_area, created_by=by),
        by,
    )
    plan.save()
    audit_record(actor=by, action="plan.created", target=plan, summary=str(plan))
    return plan


CARRY_OVER, START_ANEW = "carry", "anew"


@transaction.atomic
def plan_follow_focus(*, plan, by, decision):
    """The partners chose another focus area after the plan was started: carry the plan
    over to it, or start a new plan on it and keep this one set aside (restorable)."""
    from partnerships.plan.selectors import selected_focus_area

    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.deleted_at is not None:
        raise PlannerError("This plan was already set aside.")
    chosen = selected_focus_area(plan.partnership)
    if chosen is None or chosen.pk == plan.focus_area_id:
        raise PlannerError("The plan already follows the chosen focus area.")
    old_title = plan.focus_area.title
    if decision == CARRY_OVER:
        plan.focus_area = chosen
        plan.version += 1
        with_history_user(plan, by).save()
        audit_record(actor=by, action="plan.carried_over", target=plan, summary=f"{old_title} → {chosen.title}")
        return plan
    if decision == START_ANEW:
        plan.deleted_at = timezone.now()
        plan.deleted_by = by
        plan.version += 1
        with_history_user(plan, by).save()
        fresh = with_history_user(ActionPlan(partnership=plan.partnership, focus_area=chosen, created_by=by), by)
        fresh.save()
        audit_record(actor=by, action="plan.started_anew", target=fresh, summary=f"{old_title} kept aside")
        return fresh
    raise PlannerError("Choose whether to carry the plan over or start anew.", field="decision")


@transaction.atomic
def plan_restore(*, plan, by, now=None):
    """Bring back a plan set aside by starting anew; the plan in use is set aside in turn."""
    now = now or timezone.now()
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.deleted_at is None:
        return plan
    if not is_restorable(plan.deleted_at, now):
        raise PlannerError("Set-aside plans can be restored for 30 days; this one is older.")
    for current in ActionPlan.objects.alive().select_for_update().filter(partnership_id=plan.partnership_id):
        current.deleted_at, current.deleted_by = now, by
        current.version += 1
        with_history_user(current, by).save()
    plan.deleted_at, plan.deleted_by = None, None
    plan.version += 1
    with_history_user(plan, by).save()
    audit_record(actor=by, action="plan.restored", target=plan, summary=str(plan))
    return plan


@transaction.atomic
def item_create(*, model, by, **fields):
    """Create a plan item (outcome, step, idea, stakeholder, …) at version 1."""
    item = with_history_user(model(**fields), by)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def item_update(*, item, by, expected_version, **fields):
    """Save new values if nobody saved since `expected_version`; otherwise raise Conflict."""
    current = type(item).objects.select_for_update().get(pk=item.pk)
    if current.deleted_at is not None:
        raise PlannerError("This item was deleted; restore it from “Recently deleted” to change it.")
    advance_version(current, expected_version, message=stale_message(current))
    for name, value in fields.items():
        setattr(current, name, value)
    current.full_clean()
    with_history_user(current, by).save()
    return current


@transaction.atomic
def item_delete(*, item, by):
    """Soft delete: the item disappears from the plan and can be restored for 30 days."""
    current = type(item).objects.select_for_update().get(pk=item.pk)
    if current.deleted_at is None:
        current.deleted_at = timezone.now()
        current.deleted_by = by
        current.version += 1
        with_history_user(current, by).save()
    return current


@transaction.atomic
def item_restore(*, item, by, now=None):
    now = now or timezone.now()
    current = type(item).objects.select_for_update().get(pk=item.pk)
    if current.deleted_at is None:
        return current
    if not is_restorable(current.deleted_at, now):
        raise PlannerError("Deleted items can be restored for 30 days; this one is older.")
    current.deleted_at = None
    current.deleted_by = None
    current.version += 1
    with_history_user(current, by).save()
    return current


def idea_create(*, plan, by, text):
    return item_create(model=Idea, by=by, plan=plan, text=text, author=by)


@transaction.atomic
def idea_promote(*, idea, by, to):
    """Turn a brainstorm idea into a step or an outcome; the idea stays, marked as promoted."""
    if to not in ("step", "outcome"):
        raise PlannerError("An idea can become a step or an outcome.")
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.deleted_at is not None:
        raise PlannerError("This idea was deleted; restore it first.")
    text = idea.text.strip()
    if to == "step":
        created = item_create(model=Step, by=by, plan=idea.plan, title=text[:300], resources=text[300:])
    else:
        created = item_create(model=Outcome, by=by, plan=idea.plan, measure=text[:300])
    idea.promoted_to = to
    idea.promoted_at = timezone.now()
    idea.version += 1
    with_history_user(idea, by).save()
    return created


def plan_comment_create(*, plan, by, text):
    comment = with_history_user(PlanComment(plan=plan, author=by, text=text), by)
    comment.save()
    return comment
