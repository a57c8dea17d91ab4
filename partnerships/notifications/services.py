"""Notifications: a line on the home page, and an email now or in the daily digest."""

from django.conf import settings
from django.template.loader import render_to_string

from partnerships.common.tasks import enqueue_after_commit
from partnerships.models import Notification, User
from partnerships.notifications.tasks import email_later, notification_emails_send


def absolute_url(path):
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def notify(*, recipients, message, url=""):
    """Create a notification for each recipient and email those who want it now.

    The emails are queued for after the commit; the worker stamps `emailed_at` once sent.
    """
    recipients = [r for r in recipients if r is not None and r.is_active]
    created = Notification.objects.bulk_create(
        [Notification(recipient=r, message=message[:300], url=url) for r in recipients]
    )
    immediate = [n.pk for n in created if n.recipient.notification_preference == User.Notify.IMMEDIATE]
    if immediate:
        # One task for all of them, so a post to a large group costs one row, not one each.
        enqueue_after_commit(
            notification_emails_send,
            notification_ids=immediate,
            subject=f"Partnership Planner: {message[:80]}",
            link=absolute_url(url) if url else "",
        )
    return created


def send_digests():
    """Queue for each digest reader one email of their unsent notifications. Returns count."""
    pending = (
        Notification.objects.undigested()
        .filter(recipient__notification_preference=User.Notify.DIGEST, recipient__is_active=True)
        .select_related("recipient")
        .order_by("recipient_id", "created_at")
    )
    by_person = {}
    for note in pending:
        by_person.setdefault(note.recipient, []).append(note)
    for person, notes in by_person.items():
        body = render_to_string(
            "partnerships/email/digest.txt",
            {
                "user": person,
                "items": [
                    {"message": n.message, "link": absolute_url(n.url) if n.url else "", "at": n.created_at}
                    for n in notes
                ],
            },
        )
        email_later(
            subject=f"Partnership Planner: your daily digest ({len(notes)} updates)",
            body=body,
            to=[person.email],
            notification_ids=[n.pk for n in notes],
        )
    return len(by_person)
