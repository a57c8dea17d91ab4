"""Instructors create and edit cohorts (roster stays on the cohort page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from coursework.access import may_create_cohorts, taught_cohorts
from coursework.cohort_manage import cohort_create, cohort_update
from coursework.instructor_forms import CohortForm


@login_required
def cohort_new(request):
    if not may_create_cohorts(request.user):
        raise Http404("Only instructors can start cohorts")
    form = CohortForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        cohort = cohort_create(actor=request.user, **form.service_kwargs())
        messages.success(request, f"{cohort} is created. Invite its teachers below.")
        return redirect(cohort)
    return render(
        request,
        "coursework/cohorts/form.html",
        {"form": form, "cohort": None},
        status=400 if form.errors else 200,
    )


@login_required
def cohort_edit(request, pk):
    cohort = get_object_or_404(
        taught_cohorts(request.user).select_related("course").prefetch_related("stage_settings"), pk=pk
    )
    form = CohortForm(request.POST or None, instance=cohort, actor=request.user)
    if request.method == "POST" and form.is_valid():
        cohort_update(cohort=cohort, actor=request.user, **form.service_kwargs())
        messages.success(request, "The cohort is saved.")
        return redirect(cohort)
    return render(
        request,
        "coursework/cohorts/form.html",
        {"form": form, "cohort": cohort},
        status=400 if form.errors else 200,
    )
