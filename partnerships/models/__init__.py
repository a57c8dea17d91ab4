from .audit import AuditEvent
from .invitations import Invitation, InvitationBase, hash_token, new_token
from .notifications import Notification
from .partnerships import Membership, Partnership
from .users import User

__all__ = [
    "AuditEvent",
    "Invitation",
    "InvitationBase",
    "Membership",
    "Notification",
    "Partnership",
    "User",
    "hash_token",
    "new_token",
]
