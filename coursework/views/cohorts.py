from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from partnerships.services import InvitationError

from coursework import services
from coursework.access import manageable_cohort_invitations, taught_cohorts
from coursework.forms import CohortInvitationForm, RosterUploadForm
from coursework.models import StageProgress
from coursework.roster import RosterError


def _roster_context(cohort, **extra):
    enrollments = cohort.enrollments.select_related("teacher").prefetch_related(
        Prefetch("progress", queryset=StageProgress.objects.order_by("id"))
    )
    return {
        "cohort": cohort,
        "enrollments": enrollments,
        "invitations": cohort.invitations.filter(accepted_at__isnull=True).select_related("invited_by"),
        "invite_form": extra.pop("invite_form", None) or CohortInvitationForm(),
        "upload_form": extra.pop("upload_form", None) or RosterUploadForm(),
        **extra,
    }


@login_required
def cohort_detail(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user).select_related("course"), pk=pk)
    return render(request, "coursework/cohort_detail.html", _roster_context(cohort))


@login_required
@require_POST
def cohort_invite(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user), pk=pk)
    form = CohortInvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.cohort_invitation_create(cohort=cohort, invited_by=request.user, **form.cleaned_data)
        except InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"Invitation sent to {invitation.email}.")
            return redirect(cohort)
    return render(request, "coursework/cohort_detail.html", _roster_context(cohort, invite_form=form), status=400)


@login_required
@require_POST
def roster_upload(request, pk):
    cohort = get_object_or_404(taught_cohorts(request.user), pk=pk)
    form = RosterUploadForm(request.POST, request.FILES)
    roster_errors = []
    if form.is_valid():
        try:
            invitations, skipped = services.roster_import(
                cohort=cohort, data=form.cleaned_data["roster"].read(), invited_by=request.user
            )
        except RosterError as error:
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
def cohort_invitation_resend(request, pk):
    invitation = get_object_or_404(manageable_cohort_invitations(request.user), pk=pk)
    try:
        services.cohort_invitation_resend(invitation=invitation, actor=request.user)
    except InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Sent again to {invitation.email}; the earlier link no longer works.")
    return redirect(invitation.cohort)


@login_required
@require_POST
def cohort_invitation_revoke(request, pk):
    invitation = get_object_or_404(manageable_cohort_invitations(request.user), pk=pk)
    try:
        services.cohort_invitation_revoke(invitation=invitation, actor=request.user)
    except InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The invitation to {invitation.email} is revoked.")
    return redirect(invitation.cohort)
