"""The demo cohort used by `seed_demo` (and handy in tests of the whole journey)."""

from partnerships.models import Membership, User

from .models import Cohort, CohortStage, Course, CourseEvaluation, Enrollment, Feedback, StageProgress
from .reflections import cohort_prompts_seed, prompts_with_answers, reflection_save
from .services import cohort_stages_ensure, enrollment_create
from .stages import STAGES

DEMO_PASSWORD = "partnership-demo"

OTHER_TEACHERS = [
    ("maria.alvarez@demo.test", "Maria", "Alvarez", "Library Media Specialist", "Roosevelt Elementary", 5),
    ("james.okafor@demo.test", "James", "Okafor", "Instructional Coach", "Lincoln Middle School", 3),
    ("priya.shah@demo.test", "Priya", "Shah", "Teacher Librarian", "Hillside High School", 7),
    ("daniel.kim@demo.test", "Daniel", "Kim", "Grade 5 Teacher", "Roosevelt Elementary", 1),
    ("aisha.johnson@demo.test", "Aisha", "Johnson", "Teacher Leader", "Lincoln Middle School", 0),
]


def _user(email, first, last, job, school, district="Riverside Unified School District"):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "job_title": job, "school": school, "district": district},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user, created


# The demo teacher's mindsets answers, in prompt order; True marks an insight carried forward.
DEMO_MINDSET_ANSWERS = [
    (
        "Honestly, I still treat my principal a little like a gatekeeper: I bring requests and wait for a yes "
        "or no. It comes from years of budget conversations where the library was the last line item.",
        False,
    ),
    (
        "When our reading scores came out I stopped defending the library and asked the literacy coach what "
        "she needed. The conversation turned into planning a book club for reluctant readers.",
        True,
    ),
    (
        "I want every sixth grader to leave knowing how to find and judge a source. I worry that I will "
        "be seen as asking for more resources rather than offering help.",
        False,
    ),
    (
        "Sam is juggling attendance, a new math curriculum and a staff that is tired. A partnership is worth "
        "their time if it moves a goal already on their list, like chronic absenteeism or reading growth.",
        True,
    ),
    (
        "An observer would see two people who both care about reading but talk past each other: I talk "
        "about programs, Sam talks about data. We agree that students need more time with books.",
        True,
    ),
    (
        "Meetings start late and decisions are made in the hallway afterwards. I would like us to agree on a "
        "short agenda, a decision at the end of each meeting, and a follow-up email within a day.",
        False,
    ),
    (
        "Listening with understanding and empathy, so I hear Sam's priorities before I pitch anything; and "
        "thinking flexibly, so a no to one idea becomes a question about what would work.",
        False,
    ),
    (
        "Persisting: when a request stalls I let it drop. I will keep a running list of open questions and "
        "bring it to each touch point.",
        False,
    ),
]


def _answer_mindsets(enrollment, answers):
    for (prompt, reflection), (text, carry) in zip(prompts_with_answers(enrollment, "mindsets"), answers, strict=False):
        if reflection is None:
            reflection_save(enrollment=enrollment, prompt=prompt, base_version=0, text=text, carry_forward=carry)


def _set_progress(enrollment, stages_done, now):
    """Mark the first `stages_done` stages complete and the next one in progress."""
    for index, stage in enumerate(STAGES):
        if index < stages_done:
            status = StageProgress.Status.COMPLETE
        elif index == stages_done:
            status = StageProgress.Status.IN_PROGRESS
        else:
            continue
        StageProgress.objects.filter(enrollment=enrollment, stage=stage.slug).update(
            status=status, started_at=now, submitted_at=now if index < stages_done else None
        )


def seed(*, today, timedelta):
    from django.utils import timezone

    now = timezone.now()
    course, course_created = Course.objects.get_or_create(
        slug="strategic-partnerships",
        defaults={
            "title": "Building Strategic Partnerships with School Leaders",
            "description": "A course unit for teacher leaders and school librarians: from self-reflection "
            "and research, through two meetings with an administrator, to an agreed focus area "
            "and an action plan with measurable outcomes.",
        },
    )
    instructor, _ = _user(
        "instructor@demo.test", "Grace", "Whitfield", "Course Instructor", "Riverside Leadership Institute"
    )
    cohort, cohort_created = Cohort.objects.get_or_create(
        course=course,
        name="Fall 2026 cohort",
        defaults={
            "term": "Fall 2026",
            "starts_on": today - timedelta(days=28),
            "ends_on": today + timedelta(days=42),
        },
    )
    cohort.instructors.add(instructor)
    cohort_stages_ensure(cohort=cohort)
    cohort_prompts_seed(cohort=cohort)
    if cohort_created:
        for offset, stage in enumerate(STAGES):
            CohortStage.objects.filter(cohort=cohort, stage=stage.slug).update(
                due_on=today + timedelta(days=-21 + offset * 7)
            )

    teacher, teacher_created = _user(
        "teacher@demo.test", "Jordan", "Rivera", "School Librarian", "Lincoln Middle School"
    )
    principal, _ = _user("principal@demo.test", "Sam", "Patel", "Principal", "Lincoln Middle School")
    enrollment = enrollment_create(cohort=cohort, teacher=teacher)
    partnership = enrollment.partnership
    if teacher_created:
        partnership.title = "Library and leadership at Lincoln Middle"
        partnership.save(update_fields=["title"])
        _set_progress(enrollment, 2, now)
        _answer_mindsets(enrollment, DEMO_MINDSET_ANSWERS)
    Membership.objects.get_or_create(
        partnership=partnership, user=principal, defaults={"role": Membership.Role.ADMINISTRATOR}
    )

    peers = []
    for email, first, last, job, school, done in OTHER_TEACHERS:
        person, created = _user(email, first, last, job, school)
        other = enrollment_create(cohort=cohort, teacher=person)
        peers.append(person)
        if created:
            _set_progress(other, done, now)
            # Their mindsets answers match their progress: all of them once stage 1 is done.
            _answer_mindsets(other, DEMO_MINDSET_ANSWERS if done else DEMO_MINDSET_ANSWERS[:3])
    _seed_instructor_side(cohort, instructor, now, timedelta)
    collaborative_created = _seed_collaborative(cohort, instructor, [teacher, *peers[:2]], now, timedelta)
    return course_created or cohort_created or teacher_created or collaborative_created


# The instructor's side: submitted work waiting for review, recent activity, feedback
# and a few course evaluations, so the dashboard and the aggregates look real.
DEMO_SUBMITTED = {"daniel.kim@demo.test": "self-reflection", "james.okafor@demo.test": "first-meeting"}
DEMO_ACTIVITY_DAYS = {
    "teacher@demo.test": 0,
    "maria.alvarez@demo.test": 2,
    "james.okafor@demo.test": 1,
    "priya.shah@demo.test": 4,
    "daniel.kim@demo.test": 9,
}
DEMO_EVALUATIONS = {
    "priya.shah@demo.test": (
        {"clarity": 5, "relevance": 5, "partnership": 4, "feedback": 5, "workload": 3, "recommend": 5},
        "Preparing for the second meeting with the focus areas side by side — my principal said it was the "
        "clearest pitch she had heard all year.",
        "The research stage took me far longer than the estimate; more example sources would help.",
    ),
    "maria.alvarez@demo.test": (
        {"clarity": 4, "relevance": 5, "partnership": 4, "feedback": 4, "workload": 2, "recommend": 4},
        "The interview questions gave me a way in with an administrator I barely knew.",
        "Spread the due dates out around report-card week.",
    ),
    "james.okafor@demo.test": (
        {"clarity": 3, "relevance": 4, "partnership": 3, "feedback": 4, "workload": 3, "recommend": 4},
        "Seeing the work from the administrator's chair.",
        "",
    ),
}


def _seed_instructor_side(cohort, instructor, now, timedelta):
    enrollments = {e.teacher.email: e for e in Enrollment.objects.filter(cohort=cohort).select_related("teacher")}
    for email, stage in DEMO_SUBMITTED.items():
        StageProgress.objects.filter(
            enrollment=enrollments[email], stage=stage, status=StageProgress.Status.IN_PROGRESS
        ).update(status=StageProgress.Status.SUBMITTED, submitted_at=now - timedelta(days=1))
    for email, days in DEMO_ACTIVITY_DAYS.items():
        Enrollment.objects.filter(pk=enrollments[email].pk, last_activity_at__isnull=True).update(
            last_activity_at=now - timedelta(days=days, hours=3)
        )
    for email, (ratings, worked, change) in DEMO_EVALUATIONS.items():
        CourseEvaluation.objects.get_or_create(
            enrollment=enrollments[email],
            defaults={**ratings, "comment_worked": worked, "comment_change": change, "submitted_at": now},
        )
    jordan = enrollments["teacher@demo.test"]
    if not Feedback.objects.filter(enrollment=jordan).exists():
        Feedback.objects.create(
            enrollment=jordan,
            stage="mindsets",
            author=instructor,
            decision=Feedback.Decision.COMPLETE,
            text="A thoughtful start. Your note on seeing the library from your principal's chair is worth "
            "bringing to the first meeting.",
        )


def _seed_collaborative(cohort, instructor, members, now, timedelta):
    """One thought-partner collaborative with a couple of posts and replies (idempotent)."""
    from .collaboratives.forms import DEFAULT_NORMS
    from .models import Collaborative, CollaborativeMembership, Post, Reply

    collaborative, created = Collaborative.objects.get_or_create(
        cohort=cohort,
        name="Librarians and coaches",
        defaults={
            "norms": DEFAULT_NORMS,
            "created_by": instructor,
            "prompt": "What is one assumption about your administrator you want to test before the second meeting?",
            "prompt_set_at": now,
        },
    )
    for person in members:
        CollaborativeMembership.objects.get_or_create(
            collaborative=collaborative, user=person, defaults={"agreed_to_norms_at": now}
        )
    if not created:
        return False
    jordan, maria, james = members
    first = Post.objects.create(
        collaborative=collaborative,
        author=jordan,
        created_at=now - timedelta(days=2),
        body="I keep framing the library as *support* for teachers. After the first interview I wonder "
        "whether our principal sees it as a **leadership** space instead.\n\nHas anyone asked their "
        "administrator that directly?",
    )
    Reply.objects.create(
        post=first,
        author=maria,
        tag=Reply.Tag.CHALLENGE,
        created_at=now - timedelta(days=1, hours=20),
        body="Is it either/or? What would change in your focus areas if it were both?",
    )
    Reply.objects.create(
        post=first,
        author=james,
        tag=Reply.Tag.QUESTION,
        created_at=now - timedelta(days=1, hours=8),
        body="What did the strategic plan say about the library, if anything?",
    )
    second = Post.objects.create(
        collaborative=collaborative,
        author=maria,
        created_at=now - timedelta(days=1),
        body="Sharing where I am. I'd love ideas for stage 3: which district documents were most useful?",
        shared_kind="progress",
        shared_title="Where I am in the unit",
        shared_text="5 of 8 stages complete.",
    )
    Reply.objects.create(
        post=second,
        author=jordan,
        tag=Reply.Tag.IDEA,
        created_at=now - timedelta(hours=20),
        body="Board minutes from the last two budget meetings told me more than the plan itself.",
    )
    return True
