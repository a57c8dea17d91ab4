from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from partnerships import services
from partnerships.access import led_partnerships, manageable_invitations, membership_for, visible_partnerships
from partnerships.forms import InvitationForm, PartnershipForm
from partnerships.lasting_reads import partnership_lasting_context
from partnerships.models import Membership


@login_required
def partnership_create(request):
    form = PartnershipForm(
        request.POST or None, initial={"school": request.user.school, "district": request.user.district}
    )
    if request.method == "POST" and form.is_valid():
        partnership = services.partnership_create(teacher=request.user, **form.cleaned_data)
        messages.success(request, "Your partnership is set up. Invite your administrator next.")
        return redirect(partnership)
    return render(request, "partnerships/partnership_form.html", {"form": form})


@login_required
def partnership_detail(request, pk):
    partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
    membership = membership_for(request.user, partnership)
    is_lead = membership is not None and membership.role == Membership.Role.LEAD_TEACHER
    context = {
        "partnership": partnership,
        "membership": membership,
        "is_lead": is_lead,
        "members": partnership.memberships.select_related("user").order_by("role", "joined_at"),
    }
    if is_lead:
        context["invitations"] = partnership.invitations.select_related("invited_by").order_by("-created_at")
        context["invite_form"] = InvitationForm(partnership=partnership)
    context.update(partnership_lasting_context(partnership, request.user, context["members"]))
    return render(request, "partnerships/partnership_detail.html", context)


@login_required
def invitation_create(request, pk):
    partnership = get_object_or_404(led_partnerships(request.user), pk=pk)
    form = InvitationForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                partnership=partnership,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
            )
        except services.InvitationError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, f"Invitation sent to {invitation.email}. It works for 14 days.")
            return redirect(partnership)
    return render(request, "partnerships/invitation_form.html", {"partnership": partnership, "form": form})


@login_required
@require_POST
def invitation_resend(request, pk):
    invitation = get_object_or_404(manageable_invitations(request.user), pk=pk)
    try:
        services.invitation_resend(invitation=invitation, actor=request.user)
    except services.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Sent again to {invitation.email}; the earlier link no longer works.")
    return redirect(invitation.partnership)


@login_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(manageable_invitations(request.user), pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user)
    except services.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The invitation to {invitation.email} is revoked; its link no longer works.")
    return redirect(invitation.partnership)
