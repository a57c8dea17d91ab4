"""Instructor actions on a teacher's work: feedback, review decisions and reminders."""

import re

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coursework.models import Feedback, Reminder, ReminderTemplate
from coursework.stages.due import due_phrase
from coursework.stages.registry import STAGE_BY_SLUG
from coursework.stages.services import stage_review
from partnerships.audit.services import audit_record
from partnerships.notifications.services import absolute_url, notify
from partnerships.notifications.tasks import email_later

PLACEHOLDERS = {
    "first_name": "the teacher’s first name",
    "last_name": "the teacher’s last name",
    "stage": "the stage, e.g. “3. Research”",
    "due_date": "the stage’s due date, or “soon” when it has none",
    "due": "the due date in words that stay true when late: “is due Friday, December 4”, "
    "“was due Tuesday, November 10 — 3 weeks late”",
    "link": "a link to the teacher’s stage page",
    "cohort": "the cohort’s name",
    "instructor": "your name",
}
PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")


def unknown_placeholders(text):
    return sorted({name for name in PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS})


def fill_placeholders(text, values):
    """Replace {name} with values[name]; anything else is left as typed (no str.format)."""
    return PLACEHOLDER_RE.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


def stage_feedback(enrollment, stage):
    """The feedback a teacher sees on a stage page, oldest first (one query)."""
    return list(Feedback.objects.filter(enrollment=enrollment, stage=stage).select_related("author"))


def _stage_url(enrollment, stage):
    return reverse("coursework:stage", args=[enrollment.pk, stage])


@transaction.atomic
def feedback_add(*, enrollment, stage, author, text, decision=""):
    """Leave feedback on a stage; a decision also marks it complete or needs revision.

    Raises PlannerError when the stage cannot be reviewed.
    """
    text = text.strip()
    if decision:
        stage_review(enrollment=enrollment, stage=stage, complete=decision == Feedback.Decision.COMPLETE)
    item = Feedback.objects.create(enrollment=enrollment, stage=stage, author=author, text=text, decision=decision)
    info = STAGE_BY_SLUG[stage]
    if decision == Feedback.Decision.COMPLETE:
        message = f"{author} marked stage {info.number}, {info.short_title}, complete and left feedback."
    elif decision == Feedback.Decision.NEEDS_REVISION:
        message = f"{author} asked for a revision of stage {info.number}, {info.short_title}."
    else:
        message = f"{author} left feedback on stage {info.number}, {info.short_title}."
    audit_record(actor=author, action=f"feedback.{decision or 'comment'}", target=enrollment, summary=message)
    url = _stage_url(enrollment, stage)
    transaction.on_commit(lambda: notify(recipients=[enrollment.teacher], message=message, url=url))
    return item


def reminder_template_for(cohort):
    """The cohort's reminder template, created with the defaults the first time."""
    template, _ = ReminderTemplate.objects.get_or_create(cohort=cohort)
    return template


@transaction.atomic
def reminder_template_update(*, cohort, subject, body, actor):
    template = reminder_template_for(cohort)
    template.subject, template.body = subject, body
    template.save(update_fields=["subject", "body", "updated_at"])
    audit_record(actor=actor, action="reminder_template.updated", target=cohort, summary=subject[:200])
    return template


def _truthful(text):
    # Templates written with “is due {due_date}” (the default) would tell a late teacher
    # that a past date is still ahead; they read as {due}, which says how late it is.
    return text.replace("is due {due_date}", "{due}")


def reminder_message(*, template, enrollment, stage, due_on, sender):
    info = STAGE_BY_SLUG[stage]
    teacher = enrollment.teacher
    values = {
        "first_name": teacher.first_name or teacher.get_full_name() or teacher.email,
        "last_name": teacher.last_name,
        "stage": f"{info.number}. {info.title}",
        "due_date": due_on.strftime("%A, %B %-d") if due_on else "soon",
        "due": due_phrase(due_on),
        "link": absolute_url(_stage_url(enrollment, stage)),
        "cohort": str(enrollment.cohort),
        "instructor": sender.get_full_name() or sender.email,
    }
    subject_values = {**values, "due": due_phrase(due_on, short=True)}
    subject = fill_placeholders(_truthful(template.subject), subject_values).replace("\n", " ")[:200]
    return subject, fill_placeholders(_truthful(template.body), values)


@transaction.atomic
def reminders_send(*, cohort, enrollments, stage, sender, due_on=None):
    """Email each teacher a reminder about `stage` and record it. Returns the Reminders."""
    enrollments = list(enrollments)
    if not enrollments:
        return []
    template = reminder_template_for(cohort)
    now = timezone.now()
    for enrollment in enrollments:
        subject, body = reminder_message(
            template=template, enrollment=enrollment, stage=stage, due_on=due_on, sender=sender
        )
        # One task per teacher: one bad address or a mail-server hiccup retries alone.
        email_later(subject=subject, body=body, to=[enrollment.teacher.email], reply_to=[sender.email])
    reminders = Reminder.objects.bulk_create(
        [Reminder(enrollment=e, stage=stage, sent_by=sender, sent_at=now) for e in enrollments]
    )
    audit_record(
        actor=sender,
        action="reminders.sent",
        target=cohort,
        summary=f"{len(reminders)} reminders about {STAGE_BY_SLUG[stage].short_title}",
    )
    return reminders
