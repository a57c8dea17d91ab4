"""Writes that touch several models, each in one transaction."""

from django.db import transaction
from django.utils import timezone

from partnerships.audit.services import audit_record
from partnerships.common.errors import PlannerError
from partnerships.members.invitations import (
    ensure_for,
    ensure_resendable,
    issue_token,
    send_invitation_email,
    withdraw,
    withdraw_pending_to,
)
from partnerships.models import Invitation, Membership, Partnership, User
from partnerships.notifications.services import notify


@transaction.atomic
def partnership_create(*, teacher, title, school="", district=""):
    partnership = Partnership.objects.create(
        title=title,
        lead_teacher=teacher,
        school=school or teacher.school,
        district=district or teacher.district,
    )
    Membership.objects.create(partnership=partnership, user=teacher, role=Membership.Role.LEAD_TEACHER)
    return partnership


def _send_partnership_invitation(invitation, token):
    send_invitation_email(
        invitation=invitation,
        token=token,
        url_name="invitation_accept",
        subject=f"{invitation.invited_by} invites you to a partnership",
        template="partnerships/email/invitation.txt",
        context={"partnership": invitation.partnership, "inviter": invitation.invited_by},
    )


@transaction.atomic
def invitation_create(*, partnership, email, role, invited_by):
    email = email.strip().lower()
    if partnership.memberships.filter(user__email__iexact=email).exists():
        raise PlannerError(f"{email} is already a member of this partnership.", field="email")
    withdraw_pending_to(partnership.invitations, email)
    invitation = Invitation(partnership=partnership, email=email, role=role, invited_by=invited_by)
    token = issue_token(invitation)
    invitation.save()
    _send_partnership_invitation(invitation, token)
    audit_record(actor=invited_by, action="invitation.sent", target=invitation, summary=str(invitation))
    return invitation


@transaction.atomic
def invitation_resend(*, invitation, actor, email=None):
    """Send the invitation again with a new link; to `email` instead when given (a typo,
    another person): then a new invitation replaces this one and its link stops working."""
    ensure_resendable(invitation)
    if email and email.strip().lower() != invitation.email.lower():
        replacement = invitation_create(
            partnership=invitation.partnership, email=email, role=invitation.role, invited_by=actor
        )
        withdraw(invitation)
        audit_record(actor=actor, action="invitation.revoked", target=invitation, summary=f"replaced by {email}")
        return replacement
    token = issue_token(invitation)
    _send_partnership_invitation(invitation, token)
    audit_record(actor=actor, action="invitation.resent", target=invitation, summary=str(invitation))
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation, actor):
    if invitation.accepted_at:
        raise PlannerError("This invitation was already accepted; remove the member instead.")
    if withdraw(invitation):
        audit_record(actor=actor, action="invitation.revoked", target=invitation, summary=str(invitation))
    return invitation


def user_for_invitation(*, invitation, user=None, first_name="", last_name="", password=None, job_title=""):
    """The signed-in invited person, or a new account for the invited address.

    Refuses anyone signed in with another address: holding the link is not enough.
    """
    if user is not None and user.is_authenticated:
        ensure_for(invitation, user)
        return user
    email = invitation.email
    new_user = User.objects.create_user(
        email=email, password=password, first_name=first_name, last_name=last_name, job_title=job_title
    )
    audit_record(actor=new_user, action="account.created", target=new_user, summary=f"{email} via invitation")
    return new_user


@transaction.atomic
def invitation_accept(*, invitation, user=None, first_name="", last_name="", password=None, job_title=""):
    """Use the invitation: make the account if needed and the membership. Single use."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise PlannerError("This invitation can no longer be used.")
    person = user_for_invitation(
        invitation=invitation,
        user=user,
        first_name=first_name,
        last_name=last_name,
        password=password,
        job_title=job_title,
    )
    membership, _ = Membership.objects.get_or_create(
        partnership=invitation.partnership, user=person, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=person, action="invitation.accepted", target=invitation, summary=str(invitation))
    notify(
        recipients=[invitation.partnership.lead_teacher],
        message=f"{person} joined {invitation.partnership} as {membership.get_role_display().lower()}.",
        url=invitation.partnership.get_absolute_url(),
    )
    return membership


# --- Members and accounts -------------------------------------------------------------------
def _member_roles():
    return {c[0] for c in Membership.Role.choices if c[0] != Membership.Role.LEAD_TEACHER}


@transaction.atomic
def membership_role_change(*, membership, role, actor):
    """Give a member another role (never lead teacher: a partnership has one lead)."""
    if membership.role == Membership.Role.LEAD_TEACHER:
        raise PlannerError("The lead teacher’s role cannot be changed.")
    if role not in _member_roles():
        raise PlannerError("Choose administrator, colleague or external partner.")
    old = membership.get_role_display()
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    audit_record(
        actor=actor,
        action="membership.role_changed",
        target=membership,
        summary=f"{membership.user.email}: {old} → {membership.get_role_display()} in {membership.partnership}",
    )
    notify(
        recipients=[membership.user],
        message=f"You are now {membership.get_role_display().lower()} in {membership.partnership}.",
        url=membership.partnership.get_absolute_url(),
    )
    return membership


@transaction.atomic
def membership_remove(*, membership, actor):
    """Take a member out of a partnership (the lead teacher cannot be removed)."""
    if membership.role == Membership.Role.LEAD_TEACHER:
        raise PlannerError("The lead teacher cannot be removed from their own partnership.")
    audit_record(
        actor=actor,
        action="membership.removed",
        target=membership,
        summary=f"{membership.user.email} ({membership.get_role_display()}) removed from {membership.partnership}",
    )
    membership.delete()
