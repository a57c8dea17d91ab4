"""Mechanics shared by every kind of invitation: tokens, emails, lookup, state."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnerships.models import hash_token, new_token
from partnerships.notifications.services import absolute_url
from partnerships.notifications.tasks import email_later


def issue_token(invitation):
    """Give the invitation a fresh token (old links stop working); return the raw token."""
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.expires_at = timezone.now() + settings.INVITATION_TTL
    return token


def send_invitation_email(*, invitation, token, url_name, subject, template, context):
    link = absolute_url(reverse(url_name, args=[token]))
    body = render_to_string(
        template, {**context, "invitation": invitation, "link": link, "expires_at": invitation.expires_at}
    )
    # The email leaves after the commit, from the worker; `last_sent_at` is when it was queued.
    email_later(subject=subject, body=body, to=[invitation.email])
    invitation.last_sent_at = timezone.now()
    invitation.send_count += 1
    invitation.save(update_fields=["token_hash", "expires_at", "last_sent_at", "send_count"])


def find_by_token(queryset, token):
    """The invitation for a raw token, or None. Callers check its state."""
    if not token or len(token) > 200:
        return None
    return queryset.filter(token_hash=hash_token(token)).first()
