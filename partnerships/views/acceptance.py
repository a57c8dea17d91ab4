"""The invitation landing page, shared by partnership and cohort invitations.

A new person sets a name and password in one step; someone with an account signs in
first; a used, expired or revoked link gets a page that says so and what to do.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render

from partnerships.forms import NewAccountForm
from partnerships.models import User
from partnerships.services import InvitationError

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
            except InvitationError:
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
