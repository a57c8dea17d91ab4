"""Create, edit (with version check), delete and restore any co-edited item.

One set of views serves outcomes, steps, ideas, the plan itself, stakeholders, external
partners and touch points: each kind names its model, form and the page to return to.
A stale save is answered with both versions side by side and the form pre-filled with
what is saved now, the person's unsaved values next to each field.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from partnerships.access import editable_partnerships, editable_plans
from partnerships.common.errors import Conflict, PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.models import ActionPlan, ExternalPartner, Idea, Outcome, Stakeholder, Step, TouchPoint
from partnerships.plan.forms import (
    ExternalPartnerForm,
    IdeaForm,
    OutcomeForm,
    PlanForm,
    StakeholderForm,
    StepForm,
    TouchPointForm,
)
from partnerships.plan.services import item_create, item_delete, item_restore, item_update


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    form: type
    label: str
    on_plan: bool
    back: str
    anchor: str = ""
    needs_partnership: bool = False
    author_field: str = ""
    extra: dict = field(default_factory=dict)


KINDS = {
    k.slug: k
    for k in (
        Kind("plan", ActionPlan, PlanForm, "plan", False, "partnerships:plan", "goal"),
        Kind("outcome", Outcome, OutcomeForm, "outcome", True, "partnerships:plan", "outcomes"),
        Kind("step", Step, StepForm, "step", True, "partnerships:plan", "steps", needs_partnership=True),
        Kind("idea", Idea, IdeaForm, "idea", True, "partnerships:plan", "ideas", author_field="author"),
        Kind("stakeholder", Stakeholder, StakeholderForm, "stakeholder", False, "partnerships:stakeholders"),
        Kind("partner", ExternalPartner, ExternalPartnerForm, "external partner", False, "partnerships:partners"),
        Kind("touchpoint", TouchPoint, TouchPointForm, "touch point", False, "partnerships:touch_points"),
    )
}
RESTORABLE = [k for k in KINDS.values() if k.slug != "plan"]


def get_kind(slug):
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404("No such item")
    return kind


def items_of(kind, partnership):
    if kind.slug == "plan":
        return ActionPlan.objects.filter(partnership=partnership)
    if kind.on_plan:
        return kind.model.objects.filter(plan__partnership=partnership)
    return kind.model.objects.filter(partnership=partnership)


def back_url(kind, partnership):
    url = reverse(kind.back, args=[partnership.pk])
    return f"{url}#{kind.anchor}" if kind.anchor else url


def _form_kwargs(kind, partnership):
    return {"partnership": partnership} if kind.needs_partnership else {}


# --- Showing both versions -------------------------------------------------------------


def _python_value(form_field, raw):
    try:
        return form_field.clean(raw)
    except forms.ValidationError:
        return raw


def display_value(form_field, value):
    if value in (None, ""):
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(form_field, forms.ChoiceField) and not isinstance(form_field, forms.ModelChoiceField):
        return str({str(k): v for k, v in form_field.choices}.get(str(value), value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def conflict_context(*, form_class, bound, current, form_kwargs=None):
    """Context for the conflict screen: a fresh form with the saved values, and rows
    comparing each field's saved value with the person's unsaved one."""
    fresh = form_class(instance=current, initial={"version": current.version}, **(form_kwargs or {}))
    rows, mine_by_name = [], {}
    for name, form_field in fresh.fields.items():
        if name == "version":
            continue
        mine = bound.cleaned_data.get(name)
        theirs = _python_value(form_field, fresh[name].value())
        mine_text, theirs_text = display_value(form_field, mine), display_value(form_field, theirs)
        differs = mine_text != theirs_text
        rows.append({"label": fresh[name].label, "mine": mine_text, "theirs": theirs_text, "differs": differs})
        if differs:
            raw = bound[name].value()
            raw = "" if raw is None else str(raw)
            mine_by_name[name] = {"text": mine_text, "raw": raw, "label": fresh[name].label}
    last = current.history.select_related("history_user").first()
    return {
        "form": fresh,
        "field_rows": [(fresh[name], mine_by_name.get(name)) for name in fresh.fields if name != "version"],
        "conflict": {
            "rows": rows,
            "saved_by": last.history_user if last else None,
            "saved_at": last.history_date if last else None,
            "version": current.version,
        },
    }


def form_context(form):
    return {"form": form, "field_rows": [(form[name], None) for name in form.fields if name != "version"]}


# --- Views -------------------------------------------------------------------------------


@login_required
@once_per_submission
def item_form(request, pk, kind, item_pk=None):
    kind = get_kind(kind)
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    plan = None
    if kind.on_plan or kind.slug == "plan":
        plan = get_object_or_404(editable_plans(request.user).alive(), partnership=partnership)
    item = None
    if kind.slug == "plan":
        item = plan
    elif item_pk is not None:
        item = get_object_or_404(items_of(kind, partnership).alive(), pk=item_pk)
    kwargs = _form_kwargs(kind, partnership)
    initial = {"version": item.version} if item else {}
    form = kind.form(request.POST or None, instance=item, initial=initial, **kwargs)
    context = {"partnership": partnership, "plan": plan, "kind": kind, "item": item}
    if request.method == "POST" and form.is_valid():
        try:
            if item is None:
                owner = {"plan": plan} if kind.on_plan else {"partnership": partnership}
                if kind.author_field:
                    owner[kind.author_field] = request.user
                item_create(model=kind.model, by=request.user, **owner, **form.model_values())
                messages.success(request, f"The {kind.label} is added.")
            else:
                item_update(
                    item=item,
                    by=request.user,
                    expected_version=form.cleaned_data["version"] or 0,
                    **form.model_values(),
                )
                messages.success(request, f"The {kind.label} is saved.")
        except Conflict as stale:
            context.update(
                conflict_context(form_class=kind.form, bound=form, current=stale.current, form_kwargs=kwargs)
            )
            return render(request, "partnerships/plan/item_form.html", context, status=409)
        except PlannerError as error:
            show_error(request, error)
        return redirect(back_url(kind, partnership))
    context.update(form_context(form))
    return render(request, "partnerships/plan/item_form.html", context)


@login_required
@require_POST
def item_delete_view(request, pk, kind, item_pk):
    kind = get_kind(kind)
    if kind.slug == "plan":
        raise Http404("The plan itself is not deleted")
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    item = get_object_or_404(items_of(kind, partnership).alive(), pk=item_pk)
    item_delete(item=item, by=request.user)
    messages.success(
        request, f"The {kind.label} “{item}” is deleted. You can restore it for 30 days from Recently deleted."
    )
    return redirect(back_url(kind, partnership))


@login_required
@require_POST
def item_restore_view(request, pk, kind, item_pk):
    kind = get_kind(kind)
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    item = get_object_or_404(items_of(kind, partnership).filter(deleted_at__isnull=False), pk=item_pk)
    try:
        item_restore(item=item, by=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"The {kind.label} “{item}” is back.")
    return redirect("partnerships:recently_deleted", partnership.pk)


@login_required
def recently_deleted(request, pk):
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    groups = []
    for kind in RESTORABLE:
        rows = list(items_of(kind, partnership).recently_deleted().select_related("deleted_by").order_by("-deleted_at"))
        if rows:
            groups.append({"kind": kind, "items": rows})
    return render(request, "partnerships/plan/recently_deleted.html", {"partnership": partnership, "groups": groups})
