"""The one soft-delete window: a deleted item can be restored for RESTORE_WINDOW.

The action plan's items and the collaboratives' posts and replies both use it, so
"restore for 30 days" means the same everywhere.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

RESTORE_WINDOW = timedelta(days=30)


def restorable_since(now=None):
    """The earliest deletion time that can still be restored."""
    return (now or timezone.now()) - RESTORE_WINDOW


def is_restorable(deleted_at, now=None):
    """True while an item deleted at `deleted_at` can be restored (False if not deleted)."""
    return deleted_at is not None and deleted_at >= restorable_since(now)


def restore_deadline(deleted_at):
    return deleted_at + RESTORE_WINDOW if deleted_at else None


def restorable_q(now=None):
    """Deleted items still inside the window."""
    return Q(deleted_at__isnull=False, deleted_at__gte=restorable_since(now))
