"""Every email leaves through these tasks, run by the worker after the commit; every subject
is made one safe line by `safe_subject` on its way out."""

from django.core.mail import EmailMessage
from django.utils import timezone

from partnerships.common.tasks import enqueue_after_commit, retrying_task
from partnerships.models import Notification
from partnerships.notifications.subjects import safe_subject


@retrying_task(attempts=5, backoff_seconds=60)
def email_send(*, subject, body, to, reply_to=None, notification_ids=()):
    """Send one plain-text email; then stamp the notifications it carried as emailed."""
    EmailMessage(safe_subject(subject), body, None, list(to), reply_to=list(reply_to or [])).send()
    if notification_ids:
        Notification.objects.filter(pk__in=notification_ids).update(emailed_at=timezone.now())


def email_later(*, subject, body, to, reply_to=None, notification_ids=()):
    """Queue an email for after the commit: a failing mail server never undoes the action."""
    enqueue_after_commit(
        email_send,
        subject=subject,
        body=body,
        to=list(to),
        reply_to=list(reply_to or []),
        notification_ids=list(notification_ids),
    )


@retrying_task(attempts=5, backoff_seconds=60)
def notification_emails_send(*, notification_ids, subject, link=""):
    """Email each notification to its recipient; a retry skips those already sent."""
    from django.template.loader import render_to_string

    notes = Notification.objects.filter(pk__in=notification_ids, emailed_at__isnull=True).select_related("recipient")
    for note in notes:
        body = render_to_string(
            "partnerships/email/notification.txt", {"user": note.recipient, "message": note.message, "link": link}
        )
        EmailMessage(safe_subject(subject), body, None, [note.recipient.email]).send()
        Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
