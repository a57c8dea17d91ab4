from partnerships.accounts.models import User, UserSession
from partnerships.audit.models import AuditEvent
from partnerships.common.models import Submission
from partnerships.focus.models import (
    AgendaItem,
    Comment,
    FocusArea,
    FocusAreaChoice,
    FocusAreaEvidence,
    MeetingNextStep,
    ReviewMeeting,
)
from partnerships.meetings.models import InterviewQuestion, Meeting, Opportunity
from partnerships.members.models import Invitation, InvitationBase, Membership, Partnership, hash_token, new_token
from partnerships.notifications.models import Notification
from partnerships.plan.models import ActionPlan, Idea, Outcome, PlanComment, Step
from partnerships.sustain.models import (
    HEALTH_FIELDS,
    Agreement,
    AgreementConfirmation,
    ExternalPartner,
    OutcomeReading,
    Stakeholder,
    TouchPoint,
)

__all__ = [
    "AgendaItem",
    "Comment",
    "FocusAreaChoice",
    "MeetingNextStep",
    "ReviewMeeting",
    "HEALTH_FIELDS",
    "ActionPlan",
    "Agreement",
    "AgreementConfirmation",
    "ExternalPartner",
    "Idea",
    "Outcome",
    "OutcomeReading",
    "PlanComment",
    "Stakeholder",
    "Submission",
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
