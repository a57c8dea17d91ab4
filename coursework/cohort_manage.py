"""Instructors create and edit cohorts: details, instructors and per-stage due dates."""

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partnerships.audit import audit_record
from partnerships.models import User
from partnerships.notifications import absolute_url, notify

from coursework.models import Cohort
from coursework.reflections import cohort_prompts_seed
from coursework.services import cohort_stages_ensure

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
    transaction.on_commit(lambda: send_mail(f"You are an instructor of {cohort}", body, None, [email]))
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
    for key in COHORT_FIELDS:
        setattr(cohort, key, details[key])
    cohort.save()
    _set_instructors(cohort=cohort, emails=instructor_emails, actor=actor)
    _set_due_dates(cohort=cohort, due_dates=due_dates)
    audit_record(actor=actor, action="cohort.updated", target=cohort, summary=str(cohort))
    return cohort
