from .audit import AuditEvent
from .focus import FocusArea, FocusAreaEvidence
from .invitations import Invitation, InvitationBase, hash_token, new_token
from .notifications import Notification
from .partnerships import Membership, Partnership
from .sessions import UserSession
from .users import User

__all__ = [
    "AuditEvent",
    "FocusArea",
    "FocusAreaEvidence",
    "Invitation",
    "InvitationBase",
    "Membership",
    "Notification",
    "Partnership",
    "User",
    "UserSession",
    "hash_token",
    "new_token",
]
