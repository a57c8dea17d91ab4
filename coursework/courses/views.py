"""Instructors create and edit cohorts (roster stays on the cohort page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coursework.access import manageable_cohort_invitations, may_create_cohorts, taught_cohorts
from coursework.courses import services
from coursework.courses.forms import CohortForm, CohortInvitationForm, RosterUploadForm
from coursework.courses.services import cohort_create, cohort_update
from coursework.models import CohortInvitation, StageProgress
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.members.invitations import find_by_token
from partnerships.members.views import accept_invitation, resend_invitation

INVITATIONS_PER_PAGE = 50


def _roster_context(cohort, page=None, **extra):
    enrollments = cohort.enrollments.select_related("teacher").prefetch_related(
        Prefetch("progress", queryset=StageProgress.objects.order_by("id"))
    )
    return {
        "cohort": cohort,
        "enrollments": enrollments,
        # A roster of thousands stays one page of invitations (templates/components/pagination.html).
        "invitations": Paginator(
            cohort.invitations.filter(accepted_at__isnull=True).select_related("invited_by").order_by("-id"),
            INVITATIONS_PER_PAGE,
        ).get_page(page),
        "invite_form": extra.pop("invite_form", None) or CohortInvitationForm(),
        "upload_form": extra.pop("upload_form", None) or RosterUploadForm(),
        **extra,
    }


@login_required
def cohort_detail(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user).select_related("course"), pk=pk)
    return render(
        request, "coursework/cohort_detail.html", _roster_context(cohort, page=request.GET.get("invitations"))
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
        try:
            invitations, skipped = services.roster_import(
                cohort=cohort, data=form.cleaned_data["roster"].read(), invited_by=request.user
            )
        except PlannerError as error:
            roster_errors = error.errors
        else:
            text = f"{len(invitations)} invitations sent."
            if skipped:
                text += f" {len(skipped)} already enrolled, not invited again: {', '.join(skipped[:10])}."
            messages.success(request, text)
            return redirect(cohort)
    return render(
        request,
        "coursework/cohort_detail.html",
        _roster_context(cohort, upload_form=form, roster_errors=roster_errors),
        status=400,
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
