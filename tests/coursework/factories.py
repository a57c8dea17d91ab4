from datetime import timedelta

import factory
from django.utils import timezone

from coursework.models import (
    Cohort,
    CohortInvitation,
    CohortStage,
    Course,
    CourseEvaluation,
    Enrollment,
    Feedback,
    Prompt,
    Reflection,
    RosterImport,
    StageProgress,
)
from coursework.stages.registry import STAGES
from partnerships.members.invitations import issue_token
from tests.partnerships.factories import PartnershipFactory, UserFactory


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        django_get_or_create = ["slug"]

    title = "Building Strategic Partnerships"
    slug = "strategic-partnerships"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Cohort {n}")
    term = "Fall 2026"

    @factory.post_generation
    def instructors(self, create, extracted, **kwargs):
        if not create:
            return
        self.instructors.add(*(extracted if extracted is not None else [UserFactory(job_title="Instructor")]))

    @factory.post_generation
    def stage_settings(self, create, extracted, **kwargs):
        if create:
            CohortStage.objects.bulk_create([CohortStage(cohort=self, stage=s.slug) for s in STAGES])

    @factory.post_generation
    def prompts(self, create, extracted, **kwargs):
        """The course's default prompts; `prompts=False` for a cohort without any."""
        if create and extracted is not False:
            from coursework.reflections.services import cohort_prompts_seed

            cohort_prompts_seed(cohort=self)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    """An enrollment with progress rows for every stage and a partnership led by the teacher."""

    class Meta:
        model = Enrollment
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    teacher = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory, lead_teacher=factory.SelfAttribute("..teacher"))

    @factory.post_generation
    def progress(self, create, extracted, **kwargs):
        if create:
            StageProgress.objects.bulk_create([StageProgress(enrollment=self, stage=s.slug) for s in STAGES])


class CohortInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CohortInvitation
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    email = factory.Sequence(lambda n: f"newteacher{n}@school.test")
    first_name = "New"
    last_name = "Teacher"
    invited_by = factory.LazyAttribute(lambda o: o.cohort.instructors.first())
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    token_hash = factory.Sequence(lambda n: f"placeholder{n}")

    @factory.post_generation
    def raw_token(self, create, extracted, **kwargs):
        expires = self.expires_at
        self.raw_token = issue_token(self)
        self.expires_at = expires
        if create:
            self.save(update_fields=["token_hash"])


class RosterImportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RosterImport

    cohort = factory.SubFactory(CohortFactory)
    uploaded_by = factory.LazyAttribute(lambda o: o.cohort.instructors.first())
    file_name = "roster.csv"
    total = 2


class CourseEvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseEvaluation

    enrollment = factory.SubFactory(EnrollmentFactory)
    clarity = 4
    relevance = 4
    partnership = 4
    feedback = 4
    workload = 3
    recommend = 4
    comment_worked = ""
    comment_change = ""
    submitted_at = factory.LazyFunction(timezone.now)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    enrollment = factory.SubFactory(EnrollmentFactory)
    stage = "mindsets"
    author = factory.LazyAttribute(lambda o: o.enrollment.cohort.instructors.first())
    text = "Good start — add an example from your school."


def bulk_enrollments(cohort, count, *, status_for=None, last_activity_at=None, prefix="bulk"):
    """`count` teachers enrolled in `cohort` in a handful of queries (for large-cohort tests).

    `status_for(index, stage_slug)` returns a StageProgress status (default: not started).
    """
    from partnerships.models import User

    users = User.objects.bulk_create(
        [
            User(email=f"{prefix}{i}@school.test", first_name=f"First{i:05d}", last_name=f"Last{i:05d}", password="!")
            for i in range(count)
        ]
    )
    enrollments = Enrollment.objects.bulk_create(
        [Enrollment(cohort=cohort, teacher=u, last_activity_at=last_activity_at) for u in users]
    )
    StageProgress.objects.bulk_create(
        [
            StageProgress(
                enrollment=e,
                stage=s.slug,
                status=status_for(i, s.slug) if status_for else StageProgress.Status.NOT_STARTED,
            )
            for i, e in enumerate(enrollments)
            for s in STAGES
        ],
        batch_size=2000,
    )
    return enrollments


# --- Thought-partner collaboratives ----------------------------------------------------
from coursework.models import Collaborative, CollaborativeMembership, Post, Reply  # noqa: E402


class CollaborativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaborative

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Thought partners {n}")
    norms = "- Challenge ideas, not people.\n- What is shared here stays here."
    created_by = factory.LazyAttribute(lambda o: o.cohort.instructors.first())


class CollaborativeMembershipFactory(factory.django.DjangoModelFactory):
    """A member who has agreed to the norms (pass agreed_to_norms_at=None for one who hasn't)."""

    class Meta:
        model = CollaborativeMembership

    collaborative = factory.SubFactory(CollaborativeFactory)
    user = factory.SubFactory(UserFactory)
    agreed_to_norms_at = factory.LazyFunction(timezone.now)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    collaborative = factory.SubFactory(CollaborativeFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("paragraph")


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Faker("sentence")
    tag = Reply.Tag.CHALLENGE


class PromptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prompt

    cohort = factory.SubFactory(CohortFactory, prompts=False)
    stage = "mindsets"
    position = factory.Sequence(lambda n: n + 1)
    kind = Prompt.Kind.MINDSET
    text = factory.Sequence(lambda n: f"Question {n}: what does this mean for your partnership?")


class ReflectionFactory(factory.django.DjangoModelFactory):
    """An answer saved once (version 1, one history row)."""

    class Meta:
        model = Reflection

    enrollment = factory.SubFactory(EnrollmentFactory)
    prompt = factory.LazyAttribute(lambda o: PromptFactory(cohort=o.enrollment.cohort))
    text = factory.Sequence(lambda n: f"My answer number {n}, about trust and shared goals.")
    version = 1


# Stage 2 and 3 inputs ------------------------------------------------------------------


class ResearchSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coursework.ResearchSource"

    enrollment = factory.SubFactory(EnrollmentFactory)
    title = factory.Sequence(lambda n: f"Strategic plan {n}")
    kind = "strategic_plan"
    url = "https://district.example.org/plan.pdf"
    notes = "Literacy and digital access are named priorities."


class StrategicGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coursework.StrategicGoal"

    enrollment = factory.SubFactory(EnrollmentFactory)
    statement = factory.Sequence(lambda n: f"Raise grade 6 reading proficiency, goal {n}")
    level = "district"
    source = None


# --- The query-budget test's growth (tests/test_query_budgets.py) -----------------------
class CollaborativeInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coursework.CollaborativeInvitation"

    collaborative = factory.SubFactory(CollaborativeFactory)
    invitee = factory.SubFactory(UserFactory)
    invited_by = factory.SubFactory(UserFactory)


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coursework.Report"

    post = factory.SubFactory(PostFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = "Not in the spirit of our norms."


class ReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coursework.Reminder"

    enrollment = factory.SubFactory(EnrollmentFactory)
    stage = "mindsets"
    sent_by = factory.LazyAttribute(lambda o: o.enrollment.cohort.instructors.first())
    sent_at = factory.LazyFunction(timezone.now)


class SelfAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coursework.SelfAssessment"

    enrollment = factory.SubFactory(EnrollmentFactory)
    framework = factory.LazyAttribute(lambda o: _framework_for(o.enrollment.cohort))


def _framework_for(cohort):
    from coursework.selfassessment.frameworks import framework_for_cohort

    return framework_for_cohort(cohort)


class RatingFactory(factory.django.DjangoModelFactory):
    """A rating of the next practice of the framework at its middle level (pass `practice`)."""

    class Meta:
        model = "coursework.Rating"

    self_assessment = factory.SubFactory(SelfAssessmentFactory)
    level = factory.LazyAttribute(lambda o: o.self_assessment.framework.levels.order_by("value")[1])
    evidence = factory.Sequence(lambda n: f"Evidence {n} from my practice.")
    version = 1
