"""The action plan page, starting a plan, ideas, comments, history and the print view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from partnerships.access import (
    PLAN_EDITOR_ROLES,
    commentable_plans,
    editable_partnerships,
    editable_plans,
    membership_for,
    visible_partnerships,
    visible_plans,
)
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.softdelete import is_restorable
from partnerships.common.submissions import once_per_submission
from partnerships.plan.forms import CommentForm, IdeaForm
from partnerships.plan.history import plan_history
from partnerships.plan.selectors import focus_change, members_of, plan_for, plan_items, selected_focus_area
from partnerships.plan.services import (
    action_plan_create,
    idea_create,
    idea_promote,
    plan_comment_create,
    plan_follow_focus,
    plan_restore,
)


@login_required
def plan_page(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    # The live plan and those kept aside by starting anew, in one query.
    plans = list(
        visible_plans(request.user).select_related("focus_area", "partnership").filter(partnership=partnership)
    )
    plan = next((p for p in plans if p.deleted_at is None), None)
    membership = membership_for(request.user, partnership)
    can_edit = membership is not None and membership.role in PLAN_EDITOR_ROLES
    context = {"partnership": partnership, "plan": plan, "can_edit": can_edit, "membership": membership}
    if plan is None:
        context["focus_area"] = selected_focus_area(partnership)
        return render(request, "partnerships/plan/plan_start.html", context)
    context.update(plan_items(plan))
    context["focus_change"] = focus_change(plan)
    context["set_aside_plans"] = [p for p in plans if p.deleted_at and is_restorable(p.deleted_at)] if can_edit else []
    context["idea_form"] = IdeaForm() if can_edit else None
    context["comment_form"] = CommentForm() if membership is not None else None
    return render(request, "partnerships/plan/plan.html", context)


@login_required
@require_POST
@once_per_submission
def plan_start(request, pk):
    partnership = get_object_or_404(editable_partnerships(request.user), pk=pk)
    focus_area = selected_focus_area(partnership)
    if focus_area is None:
        messages.error(request, "Choose a focus area with your administrator first; the plan starts from it.")
        return redirect("partnerships:plan", partnership.pk)
    action_plan_create(focus_area=focus_area, by=request.user)
    messages.success(request, "Your action plan is started. Begin with a few quick ideas, then the goal.")
    return redirect("partnerships:plan", partnership.pk)


@login_required
@require_POST
@once_per_submission
def plan_follow_focus_view(request, pk):
    """The notice's answer: carry the plan over to the newly chosen focus area or start anew."""
    plan = get_object_or_404(editable_plans(request.user).alive(), partnership_id=pk)
    decision = request.POST.get("decision", "")
    try:
        result = plan_follow_focus(plan=plan, by=request.user, decision=decision)
    except PlannerError as error:
        show_error(request, error)
    else:
        if result.pk == plan.pk:
            messages.success(request, f"The plan now follows “{result.focus_area.title}”, with everything in it.")
        else:
            messages.success(
                request,
                f"A new plan for “{result.focus_area.title}” is started; the earlier plan is kept aside "
                "and can be restored from this page for 30 days.",
            )
    return redirect("partnerships:plan", pk)


@login_required
@require_POST
def plan_restore_view(request, pk, plan_pk):
    plan = get_object_or_404(editable_plans(request.user), partnership_id=pk, pk=plan_pk)
    try:
        plan = plan_restore(plan=plan, by=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"The plan for “{plan.focus_area.title}” is back; the other one is kept aside.")
    return redirect("partnerships:plan", pk)


@login_required
@require_POST
@once_per_submission
def idea_add(request, pk):
    """The quick brainstorm box on the plan page (the full form lives in item_form)."""
    plan = get_object_or_404(editable_plans(request.user).alive(), partnership_id=pk)
    form = IdeaForm(request.POST)
    if form.is_valid():
        idea_create(plan=plan, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Idea added.")
    else:
        messages.error(request, "Type an idea before adding it.")
    return redirect(f"{plan.get_absolute_url()}#ideas")


@login_required
@require_POST
@once_per_submission
def idea_promote_view(request, pk, item_pk, to):
    plan = get_object_or_404(editable_plans(request.user).alive(), partnership_id=pk)
    idea = get_object_or_404(plan.ideas.alive(), pk=item_pk)
    try:
        created = idea_promote(idea=idea, by=request.user, to=to)
    except PlannerError as error:
        show_error(request, error)
        return redirect(f"{plan.get_absolute_url()}#ideas")
    messages.success(request, f"The idea is now a {to}. Fill in the details below.")
    return redirect("partnerships:item_edit", plan.partnership_id, to, created.pk)


@login_required
@require_POST
@once_per_submission
def comment_add(request, pk):
    plan = get_object_or_404(commentable_plans(request.user).alive(), partnership_id=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        plan_comment_create(plan=plan, by=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Your comment is posted.")
        return redirect(f"{plan.get_absolute_url()}#comments")
    context = {"partnership": plan.partnership, "plan": plan, "form": form}
    return render(request, "partnerships/plan/comment_form.html", context, status=400)


@login_required
def history(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    plan = get_object_or_404(visible_plans(request.user).alive(), partnership=partnership)
    context = {"partnership": partnership, "plan": plan, "entries": plan_history(plan)}
    return render(request, "partnerships/plan/history.html", context)


@login_required
def print_view(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    plan = plan_for(visible_plans(request.user), partnership)
    if plan is None:
        messages.info(request, "There is no plan to print yet.")
        return redirect("partnerships:plan", partnership.pk)
    context = {"partnership": partnership, "plan": plan, "members": members_of(partnership), **plan_items(plan)}
    return render(request, "partnerships/plan/print.html", context)
