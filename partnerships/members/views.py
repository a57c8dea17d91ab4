"""The lead teacher changes a member's role or removes them (partnership page controls).

The invitation landing page, shared by partnership and cohort invitations.

A new person sets a name and password in one step; someone with an account signs in
first; a used, expired or revoked link gets a page that says so and what to do.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from partnerships.access import (
    led_partnerships,
    manageable_invitations,
    manageable_memberships,
    membership_for,
    visible_partnerships,
)
from partnerships.common.errors import PlannerError, show_error
from partnerships.common.submissions import once_per_submission
from partnerships.members import services
from partnerships.members.forms import (
    InvitationForm,
    InvitationResendForm,
    MemberRoleForm,
    NewAccountForm,
    PartnershipForm,
)
from partnerships.members.invitations import find_by_token, is_for
from partnerships.models import Invitation, Membership, User
from partnerships.sustain.selectors import partnership_lasting_context


def until(invitation):
    return date_format(timezone.localtime(invitation.expires_at), "F j, Y")


@login_required
@once_per_submission
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
@once_per_submission
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
            messages.success(request, f"Invitation sent to {invitation.email}. It works until {until(invitation)}.")
            return redirect(partnership)
    return render(request, "partnerships/invitation_form.html", {"partnership": partnership, "form": form})


@login_required
@require_POST
@once_per_submission
def invitation_resend(request, pk):
    invitation = get_object_or_404(manageable_invitations(request.user), pk=pk)
    resend_invitation(request, invitation, services.invitation_resend)
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


def resend_invitation(request, invitation, resend):
    """Resend, to the same or (from the form) another address; the outcome as a message.

    Shared by partnership and cohort invitations; `resend(invitation=, actor=, email=)`.
    """
    form = InvitationResendForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"“{request.POST.get('email', '')}” is not an email address; nothing was sent.")
        return
    try:
        sent = resend(invitation=invitation, actor=request.user, email=form.cleaned_data["email"] or None)
    except PlannerError as error:
        show_error(request, error)
    else:
        again = "again " if sent.pk == invitation.pk else ""
        messages.success(
            request,
            f"Sent {again}to {sent.email}; the earlier link no longer works. The new one works until {until(sent)}.",
        )


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
    """Render or process an acceptance. `accept(user=..., **account)` does the write.

    Only the invited address may accept: someone signed in as another account is told
    so and offered to sign out and carry on as the invited person.
    """
    if invitation is None or not invitation.is_pending:
        return unusable(request, invitation, joining)

    existing_account = User.objects.filter(email__iexact=invitation.email).exists()
    user = request.user if request.user.is_authenticated else None
    if user is not None and not is_for(invitation, user):
        if request.method == "POST" and request.POST.get("switch_account"):
            return switch_account(request, invitation, existing_account)
        return render(
            request,
            "partnerships/invitation_accept.html",
            {"invitation": invitation, "joining": joining, "someone_else": True},
            status=403 if request.method == "POST" else 200,
        )

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
        {"invitation": invitation, "joining": joining, "form": form, "existing_account": existing_account},
    )


def switch_account(request, invitation, existing_account):
    """Sign out of this browser only, then go where the invited person signs in or up."""
    logout(request)
    here = request.path
    if existing_account:
        target = f"{reverse('login')}?{urlencode({'next': here, 'email': invitation.email})}"
        messages.info(request, f"You are signed out. Sign in as {invitation.email} to accept the invitation.")
    else:
        target = here
        messages.info(request, f"You are signed out. Set a password for {invitation.email} to accept the invitation.")
    return redirect(target)
