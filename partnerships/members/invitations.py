"""Mechanics shared by every kind of invitation (partnership and cohort): tokens, expiry,
emails, lookup, who may accept, and replacing one with an invitation to another address.

Both `partnerships/members/services.py` and `coursework/courses/services.py` build on
these, so the rules are written once.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from partnerships.common.errors import PlannerError
from partnerships.models import hash_token, new_token
from partnerships.notifications.services import absolute_url
from partnerships.notifications.tasks import email_later

# Providers answering "when does this invitation's cohort start?" (a date or None). The
# course app registers its own in CourseworkConfig.ready(): this app knows no cohorts.
_cohort_start_providers = []


def register_cohort_start(provider):
    if provider not in _cohort_start_providers:
        _cohort_start_providers.append(provider)
    return provider


def cohort_start_for(invitation):
    for provider in _cohort_start_providers:
        starts_on = provider(invitation)
        if starts_on is not None:
            return starts_on
    return None


def expiry_for(invitation, *, sent_at=None):
    """When a link sent at `sent_at` stops working.

    A fixed time from sending, except that a link sent before a cohort starts keeps
    working until some days after the start: people invited months ahead open the
    email when the course begins.
    """
    sent_at = sent_at or timezone.now()
    by_sending = sent_at + settings.INVITATION_TTL
    starts_on = cohort_start_for(invitation)
    if starts_on is None:
        return by_sending
    last_day = starts_on + timedelta(days=settings.INVITATION_DAYS_AFTER_COHORT_START)
    by_start = timezone.make_aware(datetime.combine(last_day, time.max))
    return max(by_sending, by_start)


def refresh_expiry(invitations):
    """Recompute pending invitations' expiry after their cohort's start date moved."""
    for invitation in invitations:
        invitation.expires_at = expiry_for(invitation, sent_at=invitation.last_sent_at or invitation.created_at)
        invitation.save(update_fields=["expires_at"])


def issue_token(invitation):
    """Give the invitation a fresh token (old links stop working); return the raw token."""
    token = new_token()
    invitation.token_hash = hash_token(token)
    invitation.expires_at = expiry_for(invitation)
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


def is_for(invitation, user):
    """An invitation is the invited address's alone: the link is not a bearer token."""
    return user is not None and user.is_authenticated and user.email.lower() == invitation.email.lower()


def ensure_for(invitation, user):
    if not is_for(invitation, user):
        raise PlannerError(
            f"This invitation is for {invitation.email}; you are signed in as {user.email}. "
            f"Sign out and sign in as {invitation.email} to accept it."
        )


def ensure_resendable(invitation):
    if invitation.accepted_at or invitation.revoked_at:
        raise PlannerError("Only an invitation that is pending or expired can be sent again.")


def withdraw(invitation):
    """Stop the invitation's link; True when it was live until now."""
    if invitation.revoked_at:
        return False
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return True


def withdraw_pending_to(queryset, email):
    """A newer invitation replaces any pending one to the same address."""
    queryset.pending().filter(email__iexact=email).update(revoked_at=timezone.now())
