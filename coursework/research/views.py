from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coursework.models import ResearchSource, StrategicGoal
from coursework.research import services
from coursework.research.forms import ResearchSourceForm, StrategicGoalForm
from coursework.stages.registry import STAGE_BY_SLUG
from coursework.stages.views import invalid, own_enrollment, saved, stage_url
from partnerships.common.submissions import once_per_submission

STAGE = services.STAGE


def _sources(enrollment):
    return ResearchSource.objects.filter(enrollment=enrollment)


@login_required
@require_POST
@once_per_submission
def source_add(request, enrollment_pk):
    enrollment = own_enrollment(request, enrollment_pk)
    form = ResearchSourceForm(request.POST)
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, source=form)
    source = services.source_create(enrollment=enrollment, **form.cleaned_data)
    return saved(request, enrollment, STAGE, anchor=f"source-{source.pk}", message=f"Added “{source.title}”.")


@login_required
def source_edit(request, enrollment_pk, pk):
    enrollment = own_enrollment(request, enrollment_pk)
    source = get_object_or_404(_sources(enrollment), pk=pk)
    form = ResearchSourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        services.source_update(source=source, **form.cleaned_data)
        return saved(request, enrollment, STAGE, anchor=f"source-{source.pk}", message=f"Saved “{source.title}”.")
    return render(
        request,
        "coursework/stages/research-edit.html",
        {"enrollment": enrollment, "stage": STAGE_BY_SLUG[STAGE], "form": form, "thing": "source", "object": source},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def source_delete(request, enrollment_pk, pk):
    enrollment = own_enrollment(request, enrollment_pk)
    source = get_object_or_404(_sources(enrollment), pk=pk)
    title = source.title
    services.source_delete(source=source)
    messages.success(request, f"Deleted “{title}”. Goals drawn from it are kept.")
    return redirect(stage_url(enrollment, STAGE, "sources-heading"))


@login_required
@require_POST
@once_per_submission
def goal_add(request, enrollment_pk):
    enrollment = own_enrollment(request, enrollment_pk)
    form = StrategicGoalForm(request.POST, sources=_sources(enrollment))
    if not form.is_valid():
        return invalid(request, enrollment, STAGE, goal=form)
    goal = services.goal_create(enrollment=enrollment, **form.cleaned_data)
    return saved(request, enrollment, STAGE, anchor=f"goal-{goal.pk}", message="Goal added.")


@login_required
def goal_edit(request, enrollment_pk, pk):
    enrollment = own_enrollment(request, enrollment_pk)
    goal = get_object_or_404(StrategicGoal.objects.filter(enrollment=enrollment), pk=pk)
    form = StrategicGoalForm(request.POST or None, instance=goal, sources=_sources(enrollment))
    if request.method == "POST" and form.is_valid():
        services.goal_update(goal=goal, **form.cleaned_data)
        return saved(request, enrollment, STAGE, anchor=f"goal-{goal.pk}", message="Goal saved.")
    return render(
        request,
        "coursework/stages/research-edit.html",
        {"enrollment": enrollment, "stage": STAGE_BY_SLUG[STAGE], "form": form, "thing": "goal", "object": goal},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def goal_delete(request, enrollment_pk, pk):
    enrollment = own_enrollment(request, enrollment_pk)
    goal = get_object_or_404(StrategicGoal.objects.filter(enrollment=enrollment), pk=pk)
    services.goal_delete(goal=goal)
    messages.success(request, "Goal deleted.")
    return redirect(stage_url(enrollment, STAGE, "goals-heading"))
