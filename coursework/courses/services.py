"""Course writes that touch several models, each in one transaction.

Instructors create and edit cohorts: details, instructors and per-stage due dates.
"""

from dataclasses import asdict

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from coursework.courses.roster import parse_roster
from coursework.models import Cohort, CohortInvitation, CohortStage, Enrollment, RosterImport, StageProgress
from coursework.reflections.services import cohort_prompts_seed
from coursework.stages.registry import STAGES
from partnerships.audit.services import audit_record
from partnerships.common.errors import PlannerError
from partnerships.common.tasks import enqueue_after_commit
from partnerships.members.invitations import (
    ensure_resendable,
    issue_token,
    refresh_expiry,
    send_invitation_email,
    withdraw,
    withdraw_pending_to,
)
from partnerships.members.services import partnership_create, user_for_invitation
from partnerships.models import Invitation, Membership, Partnership, User
from partnerships.notifications.services import absolute_url, notify
from partnerships.notifications.tasks import email_later


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
    withdraw_pending_to(cohort.invitations, email)
    invitation = CohortInvitation(
        cohort=cohort, email=email, first_name=first_name, last_name=last_name, invited_by=invited_by
    )
    token = issue_token(invitation)
    invitation.save()
    # The email is queued for after the commit, so it goes out only once every row is stored.
    _send_cohort_invitation(invitation, token)
    audit_record(actor=invited_by, action="invitation.sent", target=invitation, summary=str(invitation))
    return invitation


@transaction.atomic
def cohort_invitation_create(*, cohort, email, first_name="", last_name="", invited_by):
    email = email.strip().lower()
    if cohort.enrollments.filter(teacher__email__iexact=email).exists():
        raise PlannerError(f"{email} is already enrolled in this cohort.", field="email")
    return _new_cohort_invitation(
        cohort=cohort, email=email, first_name=first_name, last_name=last_name, invited_by=invited_by
    )


ROSTER_BATCH = 100


@transaction.atomic
def roster_import_start(*, cohort, data, invited_by, file_name=""):
    """Check a roster CSV and queue its invitations: a bad file invites nobody.

    Raises PlannerError listing every bad line. The invitations themselves go out from the
    worker (coursework/courses/tasks.py), a batch at a time, so a roster of thousands never
    holds the request.
    """
    rows = parse_roster(data)
    roster = RosterImport.objects.create(
        cohort=cohort,
        uploaded_by=invited_by,
        file_name=file_name[:255],
        rows=[asdict(row) for row in rows],
        total=len(rows),
    )
    audit_record(actor=invited_by, action="roster.uploaded", target=cohort, summary=f"{len(rows)} rows ({file_name})")
    from coursework.courses.tasks import roster_import_run

    enqueue_after_commit(roster_import_run, roster_import_id=roster.pk)
    return roster


@transaction.atomic
def roster_import_step(*, roster_import, batch=ROSTER_BATCH):
    """Invite the next `batch` rows of an import; returns whether rows remain.

    Each batch commits with its results, so a retry after a failure resumes where the
    last one stopped and never invites a row twice.
    """
    # Lock only the import row: the uploader is an outer join, which PostgreSQL will not lock.
    roster = (
        RosterImport.objects.select_for_update(of=("self",))
        .select_related("cohort", "uploaded_by")
        .get(pk=roster_import.pk)
    )
    if roster.status == RosterImport.Status.DONE:
        return False
    start = len(roster.results)
    chunk = roster.rows[start : start + batch]
    emails = [row["email"] for row in chunk]
    enrolled = {
        e.lower()
        for e in roster.cohort.enrollments.filter(teacher__email__in=emails).values_list("teacher__email", flat=True)
    }
    for row in chunk:
        result = {
            "line": row["line"],
            "email": row["email"],
            "name": f"{row['first_name']} {row['last_name']}".strip(),
        }
        if row["email"] in enrolled:
            result.update(outcome=RosterImport.Outcome.SKIPPED, reason="Already enrolled in this cohort")
            roster.skipped += 1
        else:
            _new_cohort_invitation(
                cohort=roster.cohort,
                email=row["email"],
                first_name=row["first_name"],
                last_name=row["last_name"],
                invited_by=roster.uploaded_by,
            )
            result.update(outcome=RosterImport.Outcome.INVITED, reason="")
            roster.invited += 1
        roster.results.append(result)
    remaining = len(roster.results) < roster.total
    roster.status = RosterImport.Status.RUNNING if remaining else RosterImport.Status.DONE
    roster.error = ""
    if not remaining:
        roster.finished_at = timezone.now()
        audit_record(
            actor=roster.uploaded_by,
            action="roster.imported",
            target=roster.cohort,
            summary=f"{roster.invited} invitations, {roster.skipped} already enrolled",
        )
        notify(
            recipients=[roster.uploaded_by],
            message=f"Roster for {roster.cohort}: {roster.invited} invited, {roster.skipped} skipped.",
            url=roster.get_absolute_url(),
        )
    roster.save()
    return remaining


def roster_import_failed(*, roster_import, error):
    """Say on the import what stopped it (the task is retried; staff see it in the admin)."""
    RosterImport.objects.filter(pk=roster_import.pk).exclude(status=RosterImport.Status.DONE).update(
        status=RosterImport.Status.FAILED, error=error[:500]
    )


@transaction.atomic
def cohort_invitation_resend(*, invitation, actor, email=None):
    """Send again with a new link; to `email` instead when given, replacing this one."""
    ensure_resendable(invitation)
    if email and email.strip().lower() != invitation.email.lower():
        replacement = cohort_invitation_create(
            cohort=invitation.cohort,
            email=email,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
            invited_by=actor,
        )
        withdraw(invitation)
        audit_record(actor=actor, action="invitation.revoked", target=invitation, summary=f"replaced by {email}")
        return replacement
    token = issue_token(invitation)
    invitation.save(update_fields=["token_hash", "expires_at"])
    _send_cohort_invitation(invitation, token)
    audit_record(actor=actor, action="invitation.resent", target=invitation, summary=str(invitation))
    return invitation


@transaction.atomic
def cohort_invitation_revoke(*, invitation, actor):
    if invitation.accepted_at:
        raise PlannerError("This invitation was already accepted.")
    if withdraw(invitation):
        audit_record(actor=actor, action="invitation.revoked", target=invitation, summary=str(invitation))


@transaction.atomic
def cohort_invitation_accept(*, invitation, user=None, **account):
    invitation = CohortInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise PlannerError("This invitation can no longer be used.")
    account.setdefault("first_name", invitation.first_name)
    account.setdefault("last_name", invitation.last_name)
    person = user_for_invitation(invitation=invitation, user=user, **account)
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


def _pending_invitations_of(cohort):
    """Pending invitations whose expiry depends on the cohort's start: its own, and those to
    the partnerships its teachers build."""
    return [
        *cohort.invitations.pending().select_related("cohort"),
        *Invitation.objects.pending().filter(partnership__enrollments__cohort=cohort).distinct(),
    ]


def invitation_cohort_start(invitation):
    """The start of the cohort an invitation belongs to (registered with partnerships)."""
    if isinstance(invitation, CohortInvitation):
        return invitation.cohort.starts_on if invitation.cohort_id else None
    if isinstance(invitation, Invitation) and invitation.partnership_id:
        # A teacher's partnership follows the latest-starting cohort they take it into.
        return (
            Cohort.objects.filter(enrollments__partnership_id=invitation.partnership_id, starts_on__isnull=False)
            .order_by("-starts_on")
            .values_list("starts_on", flat=True)
            .first()
        )
    return None


COHORT_FIELDS = ("course", "name", "term", "starts_on", "ends_on", "is_open", "anonymous_evaluations")


def _invite_instructor(*, email, cohort, actor):
    """A new account for an unknown instructor, and an email to set their password."""
    person = User.objects.create_user(email=email, password=None, job_title="Instructor")
    link = absolute_url(
        reverse(
            "password_reset_confirm",
            args=[urlsafe_base64_encode(force_bytes(person.pk)), default_token_generator.make_token(person)],
        )
    )
    body = render_to_string(
        "coursework/email/instructor_invitation.txt", {"cohort": cohort, "inviter": actor, "link": link}
    )
    email_later(subject=f"You are an instructor of {cohort}", body=body, to=[email])
    audit_record(actor=actor, action="account.created", target=person, summary=f"{email} as instructor")
    return person


def _set_instructors(*, cohort, emails, actor):
    """Make the cohort's instructors exactly `emails` plus the actor; returns newly added."""
    wanted = {e.strip().lower() for e in emails if e.strip()}
    wanted.add(actor.email.lower())
    match = Q()
    for email in wanted:
        match |= Q(email__iexact=email)
    existing = {u.email.lower(): u for u in User.objects.filter(match)}
    invited = [_invite_instructor(email=e, cohort=cohort, actor=actor) for e in sorted(wanted - existing.keys())]
    people = [*existing.values(), *invited]
    before = set(cohort.instructors.values_list("pk", flat=True))
    cohort.instructors.set(people)
    # People with a new account already get the invitation email; tell the others.
    added = [p for p in existing.values() if p.pk not in before and p != actor]
    if added:
        transaction.on_commit(
            lambda: notify(
                recipients=added,
                message=f"{actor} added you as an instructor of {cohort}.",
                url=cohort.get_absolute_url(),
            )
        )
    return added


def _set_due_dates(*, cohort, due_dates):
    cohort_stages_ensure(cohort=cohort)
    for setting in cohort.stage_settings.all():
        if setting.stage in due_dates and setting.due_on != due_dates[setting.stage]:
            setting.due_on = due_dates[setting.stage]
            setting.save(update_fields=["due_on"])


@transaction.atomic
def cohort_create(*, actor, instructor_emails, due_dates, **details):
    cohort = Cohort.objects.create(**{k: details[k] for k in COHORT_FIELDS})
    _set_instructors(cohort=cohort, emails=instructor_emails, actor=actor)
    _set_due_dates(cohort=cohort, due_dates=due_dates)
    # Every cohort starts with the course's default prompts; instructors edit them after.
    cohort_prompts_seed(cohort=cohort)
    audit_record(actor=actor, action="cohort.created", target=cohort, summary=str(cohort))
    return cohort


@transaction.atomic
def cohort_update(*, cohort, actor, instructor_emails, due_dates, **details):
    moved_start = cohort.starts_on != details["starts_on"]
    for key in COHORT_FIELDS:
        setattr(cohort, key, details[key])
    cohort.save()
    _set_instructors(cohort=cohort, emails=instructor_emails, actor=actor)
    _set_due_dates(cohort=cohort, due_dates=due_dates)
    if moved_start:
        # Links already sent follow the new start (partnerships/members/invitations.py).
        refresh_expiry(_pending_invitations_of(cohort))
    audit_record(actor=actor, action="cohort.updated", target=cohort, summary=str(cohort))
    return cohort
