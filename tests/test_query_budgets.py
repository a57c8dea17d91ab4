"""Every page stays within its query budget, and its count does not grow with data (issue 9).

The budgets live in tests/query_budgets.py. One world (tests/security/world.py) is built
and every page is rendered as every role that may GET it; then `grow` adds SMALL of
everything the pages list and each page is measured, then it adds more (to LARGE in all)
and each page is measured again. Run with -s for the table of counts.
"""

from dataclasses import dataclass

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coursework.models import Practice, Rating, SelfAssessment, StageProgress
from coursework.stages.registry import STAGE_SLUGS
from partnerships.models import Agreement, AgreementConfirmation, Comment, FocusArea, FocusAreaChoice, Membership
from tests.coursework.factories import (
    CohortFactory,
    CohortInvitationFactory,
    CollaborativeFactory,
    CollaborativeInvitationFactory,
    CollaborativeMembershipFactory,
    CourseEvaluationFactory,
    EnrollmentFactory,
    FeedbackFactory,
    PostFactory,
    PromptFactory,
    RatingFactory,
    ReflectionFactory,
    ReminderFactory,
    ReplyFactory,
    ReportFactory,
    ResearchSourceFactory,
    SelfAssessmentFactory,
    StrategicGoalFactory,
)
from tests.partnerships.factories import (
    AgendaItemFactory,
    AuditEventFactory,
    CommentFactory,
    ExternalPartnerFactory,
    FocusAreaEvidenceFactory,
    FocusAreaFactory,
    IdeaFactory,
    InterviewQuestionFactory,
    InvitationFactory,
    MeetingFactory,
    MembershipFactory,
    NotificationFactory,
    OpportunityFactory,
    OutcomeFactory,
    OutcomeReadingFactory,
    PartnershipFactory,
    PlanCommentFactory,
    StakeholderFactory,
    StepFactory,
    TouchPointFactory,
)
from tests.query_budgets import BUDGETS, EVERY_OTHER_ROLE, VARIANTS
from tests.security.matrix import ROUTES
from tests.security.probe import client_with, session_cookies

SMALL, LARGE = 2, 12
SLACK = 1  # a budget may exceed the measured count by this much, no more


# --- Which pages, as whom ----------------------------------------------------------------
def get_200_routes():
    """{route name: roles answering GET with 200}, from the permission matrix."""
    routes = {}
    for name, entry in ROUTES.items():
        roles = [role for role, answer in entry.get.items() if answer == 200]
        if roles:
            routes[name] = roles
    return routes


def pages():
    """{page key: (route name, extra URL kwargs, roles)}; variants are pages of their own."""
    result = {}
    for name, roles in get_200_routes().items():
        if name in VARIANTS:
            argument, values = VARIANTS[name]
            for value in values:
                result[f"{name}/{value}"] = (name, {argument: value}, roles)
        else:
            result[name] = (name, {}, roles)
    return result


def budget_for(page, role):
    budget = BUDGETS[page]
    if isinstance(budget, dict):
        return budget.get(role, budget.get(EVERY_OTHER_ROLE))
    return budget


@dataclass
class Case:
    page: str
    role: str
    url: str


def cases(world):
    for page, (name, overrides, roles) in pages().items():
        url = reverse(name, kwargs={**ROUTES[name].kwargs(world.main), **overrides})
        for role in roles:
            yield Case(page, role, url)


def count_queries(cookie, url):
    """(status, queries) of one GET, rolled back so no page changes the world for the next.

    A signed-in person's session is refreshed at most once a minute (SessionLifetimeMiddleware);
    a ping kept outside the rollback makes the measured request the usual one, without that write.
    """
    client = client_with(cookie)
    if cookie:
        client.get(reverse("ping"))
    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        transaction.set_rollback(True)
    return response.status_code, len(queries)


# --- More of everything the pages list ----------------------------------------------------
def grow(world, n):
    """Add n of every kind of row the pages list, around the main partnership and cohort
    (and n more partnerships and cohorts for the people whose home page lists them)."""
    side, users, x = world.main, world.users, world.main.extra
    partnership, cohort, enrollment, plan = side.partnership, side.cohort, side.enrollment, x["plan"]
    owner, administrator, instructor = users["owner"], users["administrator"], users["instructor"]

    # Home pages: notifications for everyone; more partnerships, cohorts and enrollments.
    for user in users.values():
        if user is not None:
            NotificationFactory.create_batch(n, recipient=user)
    for _ in range(n):
        elsewhere = PartnershipFactory()
        MembershipFactory(partnership=elsewhere, user=administrator, role=Membership.Role.ADMINISTRATOR)
        FocusAreaFactory(partnership=elsewhere, status=FocusArea.Status.SHARED)
        EnrollmentFactory(cohort=CohortFactory(instructors=[instructor], prompts=False))
        EnrollmentFactory(teacher=owner, cohort=CohortFactory(prompts=False))
    AuditEventFactory.create_batch(n, actor=owner)

    # The partnership's people.
    members = [MembershipFactory(partnership=partnership, role=Membership.Role.COLLEAGUE) for _ in range(n)]
    InvitationFactory.create_batch(n, partnership=partnership, invited_by=owner)

    # The cohort's teachers, with progress, feedback, reminders and evaluations.
    peers = EnrollmentFactory.create_batch(n, cohort=cohort)
    StageProgress.objects.filter(enrollment__in=peers, stage="mindsets").update(
        status=StageProgress.Status.COMPLETE, started_at=timezone.now(), submitted_at=timezone.now()
    )
    StageProgress.objects.filter(enrollment__in=peers, stage="self-reflection").update(
        status=StageProgress.Status.SUBMITTED, started_at=timezone.now(), submitted_at=timezone.now()
    )
    CohortInvitationFactory.create_batch(n, cohort=cohort)
    for peer in peers:
        CourseEvaluationFactory(enrollment=peer, comment_worked="The meetings.", comment_change="Less reading.")
        FeedbackFactory(enrollment=peer)
        ReminderFactory(enrollment=peer)
    for slug in STAGE_SLUGS:
        FeedbackFactory.create_batch(n, enrollment=enrollment, stage=slug, author=instructor)
        ReminderFactory.create_batch(n, enrollment=enrollment, stage=slug, sent_by=instructor)

    # Reflections: more prompts answered, and more versions of one answer.
    for slug in ("mindsets", "final-reflection"):
        for _ in range(n):
            # Insights carried forward are offered as evidence on the focus-area pages.
            ReflectionFactory(
                enrollment=enrollment, prompt=PromptFactory(cohort=cohort, stage=slug), carry_forward=True
            )
    reflection = x["reflection"]
    for _ in range(n):
        reflection.version += 1
        reflection.text += " More."
        reflection._history_user = owner  # history rows name who saved them (as the services do)
        reflection.save()

    # Stage 2: ratings of more practices.
    assessment = SelfAssessment.objects.filter(enrollment=enrollment).first() or SelfAssessmentFactory(
        enrollment=enrollment
    )
    rated = Rating.objects.filter(self_assessment=assessment).values("practice")
    for practice in Practice.objects.filter(domain__framework=assessment.framework).exclude(pk__in=rated)[:n]:
        RatingFactory(self_assessment=assessment, practice=practice)

    # Stage 3: sources and the goals found in them.
    for _ in range(n):
        source = ResearchSourceFactory(enrollment=enrollment)
        StrategicGoalFactory(enrollment=enrollment, source=source)

    # Stage 4: the first interview's questions and opportunities.
    InterviewQuestionFactory.create_batch(n, meeting=x["meeting"])
    OpportunityFactory.create_batch(n, meeting=x["meeting"])

    # Stages 5–6: focus areas with evidence and threaded questions; revisions of one;
    # withdrawn proposals; the second meeting's agenda.
    focus_area = x["focus_area"]
    for member in members:
        other = FocusAreaFactory(partnership=partnership, status=FocusArea.Status.SHARED)
        FocusAreaEvidenceFactory(focus_area=other, added_by=owner)
        question = CommentFactory(focus_area=other, author=member.user, kind=Comment.Kind.QUESTION)
        CommentFactory(focus_area=other, author=owner, kind=Comment.Kind.ANSWER, parent=question)
        FocusAreaEvidenceFactory(focus_area=focus_area, added_by=owner)
        question = CommentFactory(focus_area=focus_area, author=member.user, kind=Comment.Kind.QUESTION)
        CommentFactory(focus_area=focus_area, author=owner, kind=Comment.Kind.ANSWER, parent=question)
        focus_area.version += 1
        focus_area.need += " Revised."
        focus_area._history_user = owner
        focus_area.save()
        FocusAreaChoice.objects.create(
            partnership=partnership,
            focus_area=other,
            proposed_by=owner,
            rationale="Withdrawn",
            withdrawn_by=member.user,
            withdrawn_at=timezone.now(),
        )
    AgendaItemFactory.create_batch(n, partnership=partnership)

    # Stage 7: the plan's items (owned by members, some deleted, some edited) and comments.
    for member in members:
        OutcomeFactory(plan=plan)
        step = StepFactory(plan=plan, owner_member=member, due_date=timezone.localdate())
        step.status = "in_progress"
        step._history_user = member.user
        step.save()
        IdeaFactory(plan=plan, author=member.user)
        PlanCommentFactory(plan=plan, author=member.user)
        StepFactory(plan=plan, owner_member=member, deleted_at=timezone.now(), deleted_by=member.user)
        OutcomeFactory(plan=plan, deleted_at=timezone.now(), deleted_by=member.user)
        IdeaFactory(plan=plan, author=member.user, deleted_at=timezone.now(), deleted_by=member.user)

    # The lasting partnership: confirmations, stakeholders, partners, touch points with
    # readings of every outcome, more meetings on the calendar.
    agreement = Agreement.objects.get(partnership=partnership)
    for member in members:
        AgreementConfirmation.objects.create(agreement=agreement, user=member.user, agreement_version=agreement.version)
    StakeholderFactory.create_batch(n, partnership=partnership)
    ExternalPartnerFactory.create_batch(n, partnership=partnership)
    outcomes = list(plan.outcomes.alive())
    for touch_point in [x["touch_point"], *TouchPointFactory.create_batch(n, partnership=partnership)]:
        touch_point.recorded_at, touch_point.recorded_by = timezone.now(), members[0].user
        touch_point.save()
        have = set(touch_point.readings.values_list("outcome_id", flat=True))
        for outcome in outcomes:
            if outcome.pk not in have:
                OutcomeReadingFactory(touch_point=touch_point, outcome=outcome)
    MeetingFactory.create_batch(n, partnership=partnership, kind="touch_point")

    # Thought partners: more members, posts with replies, deleted work, reports,
    # invitations, and more groups the owner belongs to or is invited to.
    group, post = x["collaborative"], x["post"]
    for peer in peers:
        CollaborativeMembershipFactory(collaborative=group, user=peer.teacher)
        their_post = PostFactory(collaborative=group, author=peer.teacher)
        ReplyFactory(post=their_post, author=owner)
        ReplyFactory(post=their_post, author=peer.teacher, tag="question")
        ReplyFactory(post=post, author=peer.teacher)
        ReportFactory(post=their_post, reporter=owner)
        PostFactory(collaborative=group, author=owner, deleted_at=timezone.now())
        ReplyFactory(post=post, author=owner, deleted_at=timezone.now())
        another = CollaborativeFactory(cohort=cohort, created_by=instructor)
        CollaborativeMembershipFactory(collaborative=another, user=owner)
        CollaborativeMembershipFactory(collaborative=another, user=peer.teacher)
        PostFactory(collaborative=another, author=peer.teacher)
        invited_to = CollaborativeFactory(cohort=cohort, created_by=instructor)
        CollaborativeMembershipFactory(collaborative=invited_to, user=peer.teacher)
        CollaborativeInvitationFactory(collaborative=invited_to, invitee=owner, invited_by=peer.teacher)
    for invitee in EnrollmentFactory.create_batch(n, cohort=cohort):
        CollaborativeInvitationFactory(collaborative=group, invitee=invitee.teacher, invited_by=owner)


# --- The test -----------------------------------------------------------------------------
def test_every_page_with_a_get_200_has_a_budget():
    expected = set(pages())
    missing = sorted(expected - set(BUDGETS))
    assert not missing, "Pages without a budget in tests/query_budgets.py: " + ", ".join(missing)
    stale = sorted(set(BUDGETS) - expected)
    assert not stale, "Budgets for pages no role may GET (or that no longer exist): " + ", ".join(stale)
    for page, (_, _, roles) in pages().items():
        budget = BUDGETS[page]
        if isinstance(budget, dict):
            named = set(budget) - {EVERY_OTHER_ROLE}
            assert named <= set(roles), f"{page}: budgets for roles that may not GET it: {sorted(named - set(roles))}"
            uncovered = set(roles) - named
            assert EVERY_OTHER_ROLE in budget or not uncovered, f"{page}: no budget for {sorted(uncovered)}"


def test_every_page_stays_within_its_budget_and_does_not_grow(world):
    cookies = session_cookies(world.users)
    all_cases = list(cases(world))
    # First, once per page, what a process does only once (content types cached, templates
    # compiled), so that it is not counted against the first page that needs it.
    for case in {case.page: case for case in all_cases}.values():
        count_queries(cookies[case.role], case.url)
    counts = {}
    for size, n in ((SMALL, SMALL), (LARGE, LARGE - SMALL)):
        grow(world, n)
        for case in all_cases:
            status, queries = count_queries(cookies[case.role], case.url)
            assert status == 200, f"{case.page} as {case.role}: {status} at size {size}"
            counts.setdefault((case.page, case.role), {})[size] = queries

    failures, lines = [], []
    for (page, role), measured in counts.items():
        small, large = measured[SMALL], measured[LARGE]
        budget = budget_for(page, role) if page in BUDGETS else None  # missing: the other test says so
        lines.append(f"{page:48} {role:22} {small:>5} {large:>5} {budget if budget is not None else '-':>6}")
        if large != small:
            failures.append(f"{page} as {role}: {small} queries at size {SMALL}, {large} at size {LARGE} (N+1?)")
        if budget is not None and max(small, large) > budget:
            failures.append(f"{page} as {role}: {max(small, large)} queries, over its budget of {budget}")
        elif budget is not None and budget > max(small, large) + SLACK:
            failures.append(f"{page} as {role}: {max(small, large)} queries; lower its budget from {budget}")
    print(f"\n{'page':48} {'role':22} {'small':>5} {'large':>5} {'budget':>6}")
    print("\n".join(lines))
    assert not failures, f"{len(failures)} pages over budget or growing:\n" + "\n".join(failures)
