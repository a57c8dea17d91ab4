from .audit import AuditEvent
from .focus import FocusArea, FocusAreaEvidence
from .invitations import Invitation, InvitationBase, hash_token, new_token
from .lasting import (
    HEALTH_FIELDS,
    Agreement,
    AgreementConfirmation,
    ExternalPartner,
    OutcomeReading,
    Stakeholder,
    TouchPoint,
)
from .meetings import InterviewQuestion, Meeting, Opportunity
from .notifications import Notification
from .partnerships import Membership, Partnership
from .plan import RESTORE_WINDOW, ActionPlan, Idea, Outcome, PlanComment, Step
from .review import AgendaItem, Comment, FocusAreaChoice, ReviewMeeting
from .sessions import UserSession
from .users import User

__all__ = [
    "AgendaItem",
    "Comment",
    "FocusAreaChoice",
    "ReviewMeeting",
    "HEALTH_FIELDS",
    "RESTORE_WINDOW",
    "ActionPlan",
    "Agreement",
    "AgreementConfirmation",
    "ExternalPartner",
    "Idea",
    "Outcome",
    "OutcomeReading",
    "PlanComment",
    "Stakeholder",
    "Step",
    "TouchPoint",
    "AuditEvent",
    "FocusArea",
    "FocusAreaEvidence",
    "InterviewQuestion",
    "Invitation",
    "InvitationBase",
    "Meeting",
    "Membership",
    "Notification",
    "Opportunity",
    "Partnership",
    "User",
    "UserSession",
    "hash_token",
    "new_token",
]
