"""The people and objects the permission matrix probes, built once per test.

`build_world()` makes the main partnership/cohort with every role around it, and a
second partnership/cohort (`other`) whose ids are used to probe every URL for IDOR.
Each role maps to one signed-in user (anonymous: None).
"""

from dataclasses import dataclass, field

from django.utils import timezone

from partnerships.models import AuditEvent, Membership
from tests.coursework.factories import CohortInvitationFactory, EnrollmentFactory, RosterImportFactory
from tests.partnerships.factories import InvitationFactory, MembershipFactory, UserFactory

ROLES = (
    "anonymous",
    "owner",
    "other_teacher",
    "administrator",
    "other_administrator",
    "colleague",
    "instructor",
    "other_instructor",
    "collaborative_member",
    "staff",
)

# Seen from the second partnership/cohort, each role of the main world is this role:
# the owner of the main partnership is a stranger to the other one, and so on.
MIRROR = {
    "anonymous": "anonymous",
    "owner": "other_teacher",
    "other_teacher": "owner",
    "administrator": "other_administrator",
    "other_administrator": "administrator",
    "colleague": "other_teacher",
    "instructor": "other_instructor",
    "other_instructor": "instructor",
    "collaborative_member": "other_teacher",
    "staff": "staff",
}


@dataclass
class Side:
    """The objects of one partnership and cohort; builders read ids from here."""

    teacher: object
    enrollment: object
    partnership: object
    cohort: object
    invitation: object
    cohort_invitation: object
    membership: object  # a non-lead membership (the administrator's)
    audit_event: object
    extra: dict = field(default_factory=dict)


@dataclass
class World:
    users: dict
    main: Side
    other: Side


def _collaboration(side, peer, instructor):
    """A collaborative of the cohort with the teacher and a peer, a post, a reply, a report,
    a reflection with history, and a pending invitation for the teacher to a second group."""
    from coursework.models import CollaborativeInvitation, Report
    from tests.coursework.factories import (
        CollaborativeFactory,
        CollaborativeMembershipFactory,
        PostFactory,
        PromptFactory,
        ReflectionFactory,
        ReplyFactory,
    )

    group = CollaborativeFactory(cohort=side.cohort, created_by=instructor)
    CollaborativeMembershipFactory(collaborative=group, user=side.teacher)
    CollaborativeMembershipFactory(collaborative=group, user=peer)
    post = PostFactory(collaborative=group, author=side.teacher)
    reply = ReplyFactory(post=post, author=side.teacher)
    report = Report.objects.create(post=post, reporter=peer, reason="probe")
    deleted_post = PostFactory(collaborative=group, author=side.teacher, deleted_at=timezone.now())
    deleted_reply = ReplyFactory(post=post, author=side.teacher, deleted_at=timezone.now())
    second = CollaborativeFactory(cohort=side.cohort, created_by=instructor)
    CollaborativeMembershipFactory(collaborative=second, user=peer)
    invitation = CollaborativeInvitation.objects.create(collaborative=second, invitee=side.teacher, invited_by=peer)
    reflection = ReflectionFactory(enrollment=side.enrollment, prompt=PromptFactory(cohort=side.cohort))
    side.extra.update(
        collaborative=group,
        post=post,
        reply=reply,
        report=report,
        deleted_post=deleted_post,
        deleted_reply=deleted_reply,
        collaborative_invitation=invitation,
        reflection=reflection,
        reflection_history_id=reflection.history.order_by("history_id").first().history_id,
    )


def _journey(side, administrator):
    """Stage work, focus areas with their review, a plan and the lasting partnership."""
    from datetime import timedelta

    from coursework.models import Practice
    from partnerships.models import AgendaItem, Agreement, Comment, FocusArea, FocusAreaChoice, ReviewMeeting
    from tests.coursework.factories import ResearchSourceFactory, StrategicGoalFactory
    from tests.partnerships.factories import (
        ActionPlanFactory,
        CommentFactory,
        FocusAreaEvidenceFactory,
        FocusAreaFactory,
        IdeaFactory,
        InterviewQuestionFactory,
        MeetingFactory,
        OpportunityFactory,
        OutcomeFactory,
        SelectedFocusAreaFactory,
        StepFactory,
        TouchPointFactory,
    )

    partnership = side.partnership
    shared = FocusAreaFactory(partnership=partnership, status=FocusArea.Status.SHARED)
    evidence = FocusAreaEvidenceFactory(focus_area=shared)
    question = CommentFactory(focus_area=shared, author=administrator, kind=Comment.Kind.QUESTION)
    choice = FocusAreaChoice.objects.create(
        partnership=partnership, focus_area=shared, proposed_by=side.teacher, rationale="probe"
    )
    agenda_item = AgendaItem.objects.create(partnership=partnership, position=1, text="probe")
    ReviewMeeting.objects.create(partnership=partnership, starts_at=timezone.now() + timedelta(days=7))
    selected = SelectedFocusAreaFactory(partnership=partnership)
    plan = ActionPlanFactory(partnership=partnership, focus_area=selected)
    step = StepFactory(plan=plan)
    deleted_step = StepFactory(plan=plan, deleted_at=timezone.now())
    meeting = MeetingFactory(partnership=partnership)
    Agreement.objects.create(partnership=partnership, shared_goals="probe")
    side.extra.update(
        focus_area=shared,
        evidence=evidence,
        question=question,
        choice=choice,
        agenda_item=agenda_item,
        plan=plan,
        outcome=OutcomeFactory(plan=plan),
        step=step,
        deleted_step=deleted_step,
        idea=IdeaFactory(plan=plan),
        touch_point=TouchPointFactory(partnership=partnership),
        meeting=meeting,
        interview_question=InterviewQuestionFactory(meeting=meeting),
        opportunity=OpportunityFactory(meeting=meeting),
        source=ResearchSourceFactory(enrollment=side.enrollment),
        goal=StrategicGoalFactory(enrollment=side.enrollment),
        practice=Practice.objects.order_by("pk").first(),
    )


# Private work, each with the roles entitled to read it (DESIGN.md §4, seen from the main
# side). A page, export or email that shows a canary to anyone else is a leak.
PRIVATE_TO_TEACHER_AND_INSTRUCTOR = ("owner", "instructor")
PRIVATE_TO_TEACHER = ("owner",)


def _secrets(side, label):
    """Plant canary strings in the side's private work; returns {canary: entitled roles}."""
    from django.utils import timezone

    from coursework.models import Practice, SelfAssessment
    from partnerships.focus.services import evidence_add, focus_area_update
    from partnerships.models import FocusArea
    from tests.coursework.factories import (
        FeedbackFactory,
        RatingFactory,
        ReflectionFactory,
        ResearchSourceFactory,
        SelfAssessmentFactory,
    )
    from tests.partnerships.factories import FocusAreaFactory

    enrollment = side.enrollment
    canaries = {
        f"CANARY-REFLECTION-{label}": PRIVATE_TO_TEACHER_AND_INSTRUCTOR,
        f"CANARY-RATING-{label}": PRIVATE_TO_TEACHER_AND_INSTRUCTOR,
        f"CANARY-RESEARCH-{label}": PRIVATE_TO_TEACHER_AND_INSTRUCTOR,
        f"CANARY-FEEDBACK-{label}": PRIVATE_TO_TEACHER_AND_INSTRUCTOR,
        f"CANARY-DRAFT-{label}": PRIVATE_TO_TEACHER,
        f"CANARY-DRAFTHISTORY-{label}": PRIVATE_TO_TEACHER,
        f"CANARY-EVIDENCE-{label}": PRIVATE_TO_TEACHER_AND_INSTRUCTOR,
    }
    ReflectionFactory(enrollment=enrollment, text=f"I wrote CANARY-REFLECTION-{label} for myself.")
    assessment = SelfAssessment.objects.filter(enrollment=enrollment).first() or SelfAssessmentFactory(
        enrollment=enrollment
    )
    # The last practice: the matrix autosaves to the first, expecting no earlier version.
    practice = Practice.objects.filter(domain__framework=assessment.framework).order_by("pk").last()
    RatingFactory(self_assessment=assessment, practice=practice, evidence=f"Seen in CANARY-RATING-{label}.")
    ResearchSourceFactory(enrollment=enrollment, notes=f"Notes: CANARY-RESEARCH-{label}.")
    FeedbackFactory(enrollment=enrollment, text=f"Instructor feedback CANARY-FEEDBACK-{label}.")
    FocusAreaFactory(partnership=side.partnership, status=FocusArea.Status.DRAFT, title=f"Draft CANARY-DRAFT-{label}")
    # Wording written while the area was a private draft and removed before it was shared:
    # only its history still holds it.
    revised = FocusAreaFactory(
        partnership=side.partnership,
        status=FocusArea.Status.DRAFT,
        created_by=side.teacher,
        title="Shared after a private draft",
        need=f"Private first thoughts CANARY-DRAFTHISTORY-{label}.",
    )
    focus_area_update(focus_area=revised, actor=side.teacher, expected_version=1, need="The need as shared.")
    revised.refresh_from_db()
    revised.status, revised.shared_at = FocusArea.Status.SHARED, timezone.now()
    revised._history_user = side.teacher
    revised.save()
    # A private input cited as evidence: past the excerpt the teacher chose to show.
    evidence_add(
        focus_area=revised,
        actor=side.teacher,
        kind="insight",
        ref="insight:canary",
        source="Mindsets: my own notes",
        text="Shown part of my notes. " + "More private notes. " * 30 + f"CANARY-EVIDENCE-{label}",
    )
    return canaries


def _side(enrollment, administrator):
    partnership = enrollment.partnership
    membership = Membership.objects.get(partnership=partnership, user=administrator)
    invitation = InvitationFactory(partnership=partnership, invited_by=enrollment.teacher)
    cohort_invitation = CohortInvitationFactory(cohort=enrollment.cohort)
    event = AuditEvent.objects.create(
        actor=enrollment.teacher,
        action="invitation.sent",
        target_type="partnerships.Invitation",
        target_id=str(invitation.pk),
        summary=f"probe {partnership.pk}",
    )
    return Side(
        teacher=enrollment.teacher,
        enrollment=enrollment,
        partnership=partnership,
        cohort=enrollment.cohort,
        invitation=invitation,
        cohort_invitation=cohort_invitation,
        membership=membership,
        audit_event=event,
        extra={"roster_import": RosterImportFactory(cohort=enrollment.cohort)},
    )


def build_world(
    *, enrollment, administrator, colleague, instructor, other_enrollment, other_administrator, other_instructor, staff
):
    # A collaborative member is a peer in the same cohort, in one collaborative with the
    # owner (a thought partner).
    peer = EnrollmentFactory(cohort=enrollment.cohort, teacher=UserFactory(email="peer@school.test"))
    users = {
        "anonymous": None,
        "owner": enrollment.teacher,
        "other_teacher": other_enrollment.teacher,
        "administrator": administrator,
        "other_administrator": other_administrator,
        "colleague": colleague,
        "instructor": instructor,
        "other_instructor": other_instructor,
        "collaborative_member": peer.teacher,
        "staff": staff,
    }
    main = _side(enrollment, administrator)
    other = _side(other_enrollment, other_administrator)
    main.extra["peer_enrollment"] = peer
    other_peer = EnrollmentFactory(cohort=other_enrollment.cohort, teacher=UserFactory(email="other.peer@school.test"))
    _collaboration(main, peer.teacher, instructor)
    _collaboration(other, other_peer.teacher, other_instructor)
    _journey(main, administrator)
    _journey(other, other_administrator)
    main.extra["canaries"] = _secrets(main, "MAIN")
    # The other side's private work belongs to the roles that mirror the main side's owners.
    other.extra["canaries"] = {
        canary: tuple(role for role in ROLES if MIRROR[role] in entitled)
        for canary, entitled in _secrets(other, "OTHER").items()
    }
    return World(users=users, main=main, other=other)


__all__ = ["ROLES", "MIRROR", "Side", "World", "build_world", "MembershipFactory"]
