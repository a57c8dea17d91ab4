from .audit import AuditEvent
from .focus import FocusArea, FocusAreaEvidence
from .invitations import Invitation, InvitationBase, hash_token, new_token
from .meetings import InterviewQuestion, Meeting, Opportunity
from .notifications import Notification
from .partnerships import Membership, Partnership
from .review import AgendaItem, Comment, FocusAreaChoice, ReviewMeeting
from .users import User

__all__ = [
    "AgendaItem",
    "Comment",
    "FocusAreaChoice",
    "ReviewMeeting",
    "AuditEvent",
    "FocusArea",
    "FocusAreaEvidence",
    "Invitation",
    "InterviewQuestion",
    "InvitationBase",
    "Meeting",
    "Membership",
    "Notification",
    "Opportunity",
    "Partnership",
    "User",
    "hash_token",
    "new_token",
]
