"""Writes to a person's account."""

from django.db import transaction

from partnerships.audit.services import audit_record
from partnerships.models import User


@transaction.atomic
def account_deactivate(*, user, actor):
    """Switch an account off: it loses access at its next request, every session ends."""
    from partnerships.accounts.sessions import sessions_end

    if user.is_active:
        User.objects.filter(pk=user.pk).update(is_active=False)
        user.is_active = False
    sessions_end(user=user)
    audit_record(actor=actor, action="account.deactivated", target=user, summary=user.email)
    return user
