from datetime import timedelta

import factory
from django.utils import timezone

from partnerships.members.invitations import issue_token
from partnerships.models import (
    ActionPlan,
    Comment,
    ExternalPartner,
    FocusArea,
    FocusAreaEvidence,
    Idea,
    Invitation,
    Membership,
    Notification,
    Outcome,
    Partnership,
    Stakeholder,
    Step,
    TouchPoint,
    User,
)

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@school.test")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    school = "Lincoln Middle School"
    district = "Riverside Unified"
    job_title = "Teacher"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save(update_fields=["password"])


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Partnership {n}")
    lead_teacher = factory.SubFactory(UserFactory)

    @factory.post_generation
    def lead_membership(self, create, extracted, **kwargs):
        if create:
            Membership.objects.get_or_create(
                partnership=self, user=self.lead_teacher, defaults={"role": Membership.Role.LEAD_TEACHER}
            )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.ADMINISTRATOR


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation; the raw token is on `.raw_token` (only its hash is stored)."""

    class Meta:
        model = Invitation
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@school.test")
    role = Membership.Role.ADMINISTRATOR
    invited_by = factory.SelfAttribute("partnership.lead_teacher")
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    token_hash = factory.Sequence(lambda n: f"placeholder{n}")

    @factory.post_generation
    def raw_token(self, create, extracted, **kwargs):
        expires = self.expires_at
        self.raw_token = issue_token(self)
        self.expires_at = expires
        if create:
            self.save(update_fields=["token_hash"])


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    message = factory.Faker("sentence")


# --- Action plan and the lasting partnership (issue 5) --------------------------------
class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Focus area {n}")
    need = "Students in grades 6–8 read less for pleasure each year."
    serves_students = True
    rationale = "Our district plan names reading engagement as a goal."
    created_by = factory.SelfAttribute("partnership.lead_teacher")


class SelectedFocusAreaFactory(FocusAreaFactory):
    """The focus area both sides chose: what an action plan starts from."""

    status = FocusArea.Status.SELECTED


class FocusAreaEvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusAreaEvidence

    focus_area = factory.SubFactory(FocusAreaFactory)
    kind = "goal"
    ref = factory.Sequence(lambda n: f"goal:{n}")
    source = "District strategic plan 2025–2028"
    text = "Every student reads widely and often."


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    focus_area = factory.SubFactory(FocusAreaFactory, status=FocusArea.Status.SHARED)
    author = factory.SubFactory(UserFactory)
    kind = Comment.Kind.COMMENT
    body = factory.Faker("sentence")
    focus_version = factory.SelfAttribute("focus_area.version")


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    focus_area = factory.SubFactory(SelectedFocusAreaFactory)
    partnership = factory.SelfAttribute("focus_area.partnership")
    goal = "More students read for pleasure every week."
    created_by = factory.SelfAttribute("partnership.lead_teacher")


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outcome

    plan = factory.SubFactory(ActionPlanFactory)
    measure = factory.Sequence(lambda n: f"Measure {n} (%)")
    baseline = 20
    target = 50


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    plan = factory.SubFactory(ActionPlanFactory)
    title = factory.Sequence(lambda n: f"Step {n}")


class IdeaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Idea

    plan = factory.SubFactory(ActionPlanFactory)
    text = factory.Sequence(lambda n: f"Idea {n}")


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    partnership = factory.SubFactory(PartnershipFactory)
    level = Stakeholder.Level.SCHOOL
    group = Stakeholder.Group.PARENTS
    name = factory.Sequence(lambda n: f"Stakeholder {n}")


class ExternalPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExternalPartner

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Partner {n}")
    kind = ExternalPartner.Kind.COMMUNITY
    role = ExternalPartner.Role.CRITICAL_FRIEND


class TouchPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TouchPoint

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Touch point {n}")
    scheduled_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.Meeting"

    partnership = factory.SubFactory(PartnershipFactory)
    kind = "first_interview"
    attendee_name = "Pat Principal, Principal"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    time_zone = "America/Chicago"
    duration_minutes = 45
    location = "Principal's office"


class InterviewQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.InterviewQuestion"

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Question {n}?")


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.Opportunity"

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Opportunity {n}")


# --- The query-budget test's growth (tests/test_query_budgets.py) -----------------------
class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.AgendaItem"

    partnership = factory.SubFactory(PartnershipFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Agenda item {n}")


class PlanCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.PlanComment"

    plan = factory.SubFactory(ActionPlanFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Plan comment {n}")


class OutcomeReadingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.OutcomeReading"

    touch_point = factory.SubFactory(TouchPointFactory)
    outcome = factory.SubFactory(OutcomeFactory)
    value = 30


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partnerships.AuditEvent"

    actor = factory.SubFactory(UserFactory)
    action = "invitation.sent"
    target_type = "partnerships.Invitation"
    target_id = factory.Sequence(str)
    summary = factory.Sequence(lambda n: f"Audited action {n}")
