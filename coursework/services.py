"""Course writes that touch several models, each in one transaction."""

from django.db import transaction
from django.utils import timezone

from partnerships.audit import audit_record
from partnerships.invitations import issue_token, send_invitation_email
from partnerships.models import Membership, Partnership
from partnerships.notifications import notify
from partnerships.services import InvitationError, partnership_create, user_for_invitation

from coursework.models import CohortInvitation, CohortStage, Enrollment, StageProgress
from coursework.roster import parse_roster
from coursework.stages import STAGES


@transaction.atomic
def cohort_stages_ensure(*, cohort):
    """Give the cohort a settings row for every stage (due dates start empty)."""
    existing = set(cohort.stage_settings.values_list("stage", flat=True))
    CohortStage.objects.bulk_create(
        [CohortStage(cohort=cohort, stage=s.slug) for s in STAGES if s.slug not in existing]
    )


@transaction.atomic
def enrollment_create(*, cohort, teacher):
    """Enrol a teacher: progress rows for every stage and a partnership to build."""
    enrollment, created = Enrollment.objects.get_or_create(cohort=cohort, teacher=teacher)
    if created:
        StageProgress.objects.bulk_create([StageProgress(enrollment=enrollment, stage=s.slug) for s in STAGES])
        partnership = Partnership.objects.filter(
            memberships__user=teacher, memberships__role=Membership.Role.LEAD_TEACHER
        ).first()
        if partnership is None:
            partnership = partnership_create(
                teacher=teacher,
                title=f"{teacher.get_full_name() or teacher.email}’s partnership",
            )
        enrollment.partnership = partnership
        enrollment.save(update_fields=["partnership"])
    return enrollment


def _send_cohort_invitation(invitation, token):
    send_invitation_email(
        invitation=invitation,
        token=token,
        url_name="coursework:invitation_accept",
        subject=f"You are invited to {invitation.cohort}",
        template="coursework/email/cohort_invitation.txt",
        context={"cohort": invitation.cohort, "inviter": invitation.invited_by},
    )


def _new_cohort_invitation(*, cohort, email, first_name, last_name, invited_by):
    cohort.invitations.pending().filter(email__iexact=email).update(revoked_at=timezone.now())
    invitation = CohortInvitation(
        cohort=cohort, email=email, first_name=first_name, last_name=last_name, invited_by=invited_by
    )
    token = issue_token(invitation)
    invitation.save()
    # Emails go out only once every row is safely stored.
    transaction.on_commit(lambda: _send_cohort_invitation(invitation, token))
    audit_record(actor=invited_by, action="invitation.sent", target=invitation, summary=str(invitation))
    return invitation


@transaction.atomic
def cohort_invitation_create(*, cohort, email, first_name="", last_name="", invited_by):
    email = email.strip().lower()
    if cohort.enrollments.filter(teacher__email__iexact=email).exists():
        raise InvitationError(f"{email} is already enrolled in this cohort.")
    return _new_cohort_invitation(
        cohort=cohort, email=email, first_name=first_name, last_name=last_name, invited_by=invited_by
    )


@transaction.atomic
def roster_import(*, cohort, data, invited_by):
    """Invite every row of a roster CSV, or nobody: raises RosterError with line numbers.

    Returns (invitations, already_enrolled_emails).
    """
    rows = parse_roster(data)
    enrolled = {e.lower() for e in cohort.enrollments.values_list("teacher__email", flat=True)}
    invitations, skipped = [], []
    for row in rows:
        if row.email in enrolled:
            skipped.append(row.email)
            continue
        invitations.append(
            _new_cohort_invitation(
                cohort=cohort,
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
                invited_by=invited_by,
            )
        )
    audit_record(
        actor=invited_by,
        action="roster.imported",
        target=cohort,
        summary=f"{len(invitations)} invitations, {len(skipped)} already enrolled",
    )
    return invitations, skipped


@transaction.atomic
def cohort_invitation_resend(*, invitation, actor):
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationError("Only an invitation that is pending or expired can be sent again.")
    token = issue_token(invitation)
    invitation.save(update_fields=["token_hash", "expires_at"])
    transaction.on_commit(lambda: _send_cohort_invitation(invitation, token))
    audit_record(actor=actor, action="invitation.resent", target=invitation, summary=str(invitation))


@transaction.atomic
def cohort_invitation_revoke(*, invitation, actor):
    if invitation.accepted_at:
        raise InvitationError("This invitation was already accepted.")
    if not invitation.revoked_at:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="invitation.revoked", target=invitation, summary=str(invitation))


@transaction.atomic
def cohort_invitation_accept(*, invitation, user=None, **account):
    invitation = CohortInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise InvitationError("This invitation can no longer be used.")
    account.setdefault("first_name", invitation.first_name)
    account.setdefault("last_name", invitation.last_name)
    person = user_for_invitation(email=invitation.email, user=user, **account)
    enrollment = enrollment_create(cohort=invitation.cohort, teacher=person)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(actor=person, action="invitation.accepted", target=invitation, summary=str(invitation))
    notify(
        recipients=list(invitation.cohort.instructors.all()),
        message=f"{person} joined {invitation.cohort}.",
        url=invitation.cohort.get_absolute_url(),
    )
    return enrollment
