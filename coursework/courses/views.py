"""Instructors create and edit cohorts (roster stays on the cohort page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coursework.access import (
    manageable_cohort_invitations,
    manageable_roster_imports,
    may_create_cohorts,
    taught_cohorts,
)
from coursework.courses import services
from coursework.courses.forms import CohortForm, CohortInvitationForm, RosterUploadForm
from coursework.courses.services import cohort_create, cohort_update
from coursework.models import CohortInvitation, RosterImport
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.members.invitations import find_by_token
from partnerships.members.views import accept_invitation, resend_invitation

INVITATIONS_PER_PAGE = 50
TEACHERS_PER_PAGE = 50
RESULTS_PER_PAGE = 100


def _roster_context(cohort, page=None, teachers_page=None, **extra):
    # A roster of thousands stays one page of teachers and one of invitations
    # (templates/components/pagination.html).
    return {
        "cohort": cohort,
        "enrollments": Paginator(cohort.enrollments.select_related("teacher"), TEACHERS_PER_PAGE).get_page(
            teachers_page
        ),
        "invitations": Paginator(
            cohort.invitations.filter(accepted_at__isnull=True).select_related("invited_by").order_by("-id"),
            INVITATIONS_PER_PAGE,
        ).get_page(page),
        "roster_import": cohort.roster_imports.defer("rows", "results").first(),
        "invite_form": extra.pop("invite_form", None) or CohortInvitationForm(),
        "upload_form": extra.pop("upload_form", None) or RosterUploadForm(),
        **extra,
    }


@login_required
def cohort_detail(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user).select_related("course"), pk=pk)
    return render(
        request,
        "coursework/cohort_detail.html",
        _roster_context(cohort, page=request.GET.get("invitations"), teachers_page=request.GET.get("teachers")),
    )


@login_required
@require_POST
@once_per_submission
def cohort_invite(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user), pk=pk)
    form = CohortInvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.cohort_invitation_create(cohort=cohort, invited_by=request.user, **form.cleaned_data)
        except PlannerError as error:
            show_error(request, error, form=form, field="email")
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect(cohort)
    return render(request, "coursework/cohort_detail.html", _roster_context(cohort, invite_form=form), status=400)


@login_required
@require_POST
@once_per_submission
def roster_upload(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user), pk=pk)
    form = RosterUploadForm(request.POST, request.FILES)
    roster_errors = []
    if form.is_valid():
        upload = form.cleaned_data["roster"]
        try:
            roster = services.roster_import_start(
                cohort=cohort, data=upload.read(), file_name=upload.name, invited_by=request.user
            )
        except PlannerError as error:
            roster_errors = error.errors
        else:
            messages.success(
                request,
                f"The file is checked: {roster.total} rows. The invitations are going out now; "
                "their progress shows below.",
            )
            return redirect(f"{cohort.get_absolute_url()}#roster-import")
    return render(
        request,
        "coursework/cohort_detail.html",
        _roster_context(cohort, upload_form=form, roster_errors=roster_errors),
        status=400,
    )


@login_required
def roster_import_status(request, pk):
    """The progress card alone: what the cohort page polls while an import runs."""
    roster = get_object_or_404(
        manageable_roster_imports(request.user).select_related("cohort").defer("rows", "results"), pk=pk
    )
    return render(request, "coursework/cohorts/_roster_import.html", {"roster_import": roster})


@login_required
def roster_import_detail(request, pk):
    """Every row of one upload and what became of it (invited, or skipped and why)."""
    roster = get_object_or_404(manageable_roster_imports(request.user).select_related("cohort"), pk=pk)
    outcome = request.GET.get("outcome")
    results = roster.results
    if outcome in RosterImport.Outcome.values:
        results = [r for r in results if r["outcome"] == outcome]
    else:
        outcome = ""
    return render(
        request,
        "coursework/cohorts/roster_import_detail.html",
        {
            "roster_import": roster,
            "cohort": roster.cohort,
            "outcome": outcome,
            "results": Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )


@login_required
@require_POST
@once_per_submission
def cohort_invitation_resend(request, pk):
    invitation = get_object_or_404(manageable_cohort_invitations(request.user), pk=pk)
    resend_invitation(request, invitation, services.cohort_invitation_resend)
    return redirect(invitation.cohort)


@login_required
@require_POST
def cohort_invitation_revoke(request, pk):
    invitation = get_object_or_404(manageable_cohort_invitations(request.user), pk=pk)
    try:
        services.cohort_invitation_revoke(invitation=invitation, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"The invitation to {invitation.email} is revoked.")
    return redirect(invitation.cohort)


@login_required
@once_per_submission
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


def cohort_invitation_accept(request, token):
    invitation = find_by_token(CohortInvitation.objects.select_related("cohort", "invited_by"), token)

    def accept(*, user, **account):
        return services.cohort_invitation_accept(invitation=invitation, user=user, **account).teacher

    return accept_invitation(
        request,
        invitation=invitation,
        joining=f"the cohort “{invitation.cohort}”" if invitation else "a cohort",
        accept=accept,
        success_url=lambda user: reverse("home"),
    )
