from partnerships.models.audit import AuditEvent
from partnerships.models.focus import FocusArea, FocusAreaEvidence
from partnerships.models.invitations import Invitation, InvitationBase, hash_token, new_token
from partnerships.models.lasting import (
    HEALTH_FIELDS,
    Agreement,
    AgreementConfirmation,
    ExternalPartner,
    OutcomeReading,
    Stakeholder,
    TouchPoint,
)
from partnerships.models.meetings import InterviewQuestion, Meeting, Opportunity
from partnerships.models.notifications import Notification
from partnerships.models.partnerships import Membership, Partnership
from partnerships.models.plan import RESTORE_WINDOW, ActionPlan, Idea, Outcome, PlanComment, Step
from partnerships.models.review import AgendaItem, Comment, FocusAreaChoice, ReviewMeeting
from partnerships.models.sessions import UserSession
from partnerships.models.users import User

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
