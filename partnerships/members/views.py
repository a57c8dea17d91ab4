"""The lead teacher changes a member's role or removes them (partnership page controls).

The invitation landing page, shared by partnership and cohort invitations.

A new person sets a name and password in one step; someone with an account signs in
first; a used, expired or revoked link gets a page that says so and what to do.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from partnerships.access import (
    led_partnerships,
    manageable_invitations,
    manageable_memberships,
    membership_for,
    visible_partnerships,
)
from partnerships.common.errors import PlannerError, show_error
from partnerships.members import services
from partnerships.members.forms import InvitationForm, MemberRoleForm, NewAccountForm, PartnershipForm
from partnerships.members.invitations import find_by_token
from partnerships.models import Invitation, Membership, User
from partnerships.sustain.selectors import partnership_lasting_context


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
        except PlannerError as error:
            show_error(request, error, form=form, field="email")
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
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"Sent again to {invitation.email}; the earlier link no longer works.")
    return redirect(invitation.partnership)


@login_required
@require_POST
def invitation_revoke(request, pk):
    invitation = get_object_or_404(manageable_invitations(request.user), pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"The invitation to {invitation.email} is revoked; its link no longer works.")
    return redirect(invitation.partnership)


@login_required
@require_POST
def member_role(request, pk):
    membership = get_object_or_404(manageable_memberships(request.user).select_related("user", "partnership"), pk=pk)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Choose a role for {membership.user} from the list.")
        return redirect(membership.partnership)
    try:
        services.membership_role_change(membership=membership, role=form.cleaned_data["role"], actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"{membership.user} is now {membership.get_role_display().lower()}.")
    return redirect(membership.partnership)


@login_required
@require_POST
def member_remove(request, pk):
    membership = get_object_or_404(manageable_memberships(request.user).select_related("user", "partnership"), pk=pk)
    partnership = membership.partnership
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except PlannerError as error:
        show_error(request, error)
    else:
        messages.success(request, f"{membership.user} is no longer a member of this partnership.")
    return redirect(partnership)


def invitation_accept(request, token):
    invitation = find_by_token(Invitation.objects.select_related("partnership", "invited_by"), token)

    def accept(*, user, **account):
        membership = services.invitation_accept(invitation=invitation, user=user, **account)
        return membership.user

    return accept_invitation(
        request,
        invitation=invitation,
        joining=f"the partnership “{invitation.partnership}”" if invitation else "a partnership",
        accept=accept,
        success_url=lambda user: invitation.partnership.get_absolute_url(),
    )


MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def unusable(request, invitation, joining):
    status = 404 if invitation is None else 410
    return render(
        request,
        "partnerships/invitation_unusable.html",
        {"invitation": invitation, "joining": joining},
        status=status,
    )


def accept_invitation(request, *, invitation, joining, accept, success_url):
    """Render or process an acceptance. `accept(user=..., **account)` does the write."""
    if invitation is None or not invitation.is_pending:
        return unusable(request, invitation, joining)

    existing_account = User.objects.filter(email__iexact=invitation.email).exists()
    user = request.user if request.user.is_authenticated else None
    form = None
    if user is None and not existing_account:
        # A cohort invitation may already carry the person's name; start from it.
        initial = {f: getattr(invitation, f, "") for f in ("first_name", "last_name")}
        form = NewAccountForm(request.POST or None, email=invitation.email, initial=initial)

    if request.method == "POST":
        account = None
        if user is not None:
            account = {}
        elif form is not None and form.is_valid():
            data = form.cleaned_data
            account = {
                "first_name": data["first_name"],
                "last_name": data["last_name"],
                "job_title": data["job_title"],
                "password": data["password1"],
            }
        if account is not None:
            try:
                person = accept(user=user, **account)
            except PlannerError:
                # Used or revoked between showing the page and pressing the button.
                return unusable(request, invitation, joining)
            if user is None:
                login(request, person, backend=MODEL_BACKEND)
            messages.success(request, f"Welcome! You have joined {joining}.")
            return redirect(success_url(person))

    return render(
        request,
        "partnerships/invitation_accept.html",
        {
            "invitation": invitation,
            "joining": joining,
            "form": form,
            "existing_account": existing_account,
            "email_mismatch": user is not None and user.email.lower() != invitation.email.lower(),
        },
    )
