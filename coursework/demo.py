"""The demo cohort used by `seed_demo` (and handy in tests of the whole journey)."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings

from coursework.courses.services import cohort_stages_ensure, enrollment_create
from coursework.models import Cohort, CohortStage, Course, CourseEvaluation, Enrollment, Feedback, StageProgress
from coursework.reflections.services import cohort_prompts_seed, prompts_with_answers, reflection_save
from coursework.stages.registry import STAGES
from partnerships.models import FocusArea, Membership, Outcome, Step, TouchPoint, User
from partnerships.plan.services import action_plan_create, item_create

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
    seed_inputs(enrollment)

    peers = []
    _seed_plan(partnership, teacher, today, timedelta)

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
    from coursework.collaboratives.forms import DEFAULT_NORMS
    from coursework.models import Collaborative, CollaborativeMembership, Post, Reply

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


def _seed_plan(partnership, teacher, today, timedelta):
    """A selected focus area and a started action plan the teacher and principal co-edit."""
    focus_area = FocusArea.objects.filter(partnership=partnership, status=FocusArea.Status.SELECTED).first()
    if focus_area is None:
        focus_area = FocusArea.objects.create(
            partnership=partnership,
            title="Reading for pleasure in grades 6–8",
            need="Fewer than a quarter of our students say they read for pleasure in a typical week.",
            serves_students=True,
            serves_community=True,
            rationale="The district literacy goal names independent reading; the library can lead it.",
            status=FocusArea.Status.SELECTED,
            created_by=teacher,
        )
    plan = action_plan_create(focus_area=focus_area, by=teacher)
    if not plan.goal:
        plan.goal = "By June, half of our students read for pleasure at least once a week."
        plan.communication = "Monthly update at the staff meeting; a line in the family newsletter each term."
        plan._history_user = teacher
        plan.save()
    if not Outcome.objects.filter(plan=plan).exists():
        item_create(
            model=Outcome,
            by=teacher,
            plan=plan,
            measure="Students who report reading for pleasure weekly (%)",
            baseline=23,
            target=50,
            target_date=today + timedelta(days=180),
            data_source="Library reading survey, each term",
        )
    if not Step.objects.filter(plan=plan).exists():
        item_create(
            model=Step,
            by=teacher,
            plan=plan,
            title="Run the baseline reading survey in advisory",
            owner_member=partnership.memberships.filter(user=teacher).first(),
            due_date=today + timedelta(days=14),
            time_estimate="2 hours",
            resources="Survey form; 10 minutes of advisory time",
        )
    if not TouchPoint.objects.filter(partnership=partnership).exists():
        zone = settings.TIME_ZONE
        when = datetime.combine(today + timedelta(days=21), time(15, 30), tzinfo=ZoneInfo(zone))
        item_create(
            model=TouchPoint,
            by=teacher,
            partnership=partnership,
            title="First review",
            scheduled_at=when,
            time_zone=zone,
            location="Library workroom",
        )
    return plan


# Stage 2 and 3 inputs for the main demo teacher ------------------------------------------

DEMO_RATINGS = (3, 2, 3, 2, 3, 2, 4, 3, 3, 3, 2, 3, 2, 3, 3, 2, 2, 3, 1, 2, 2, 3, 3, 2, 2, 1, 3)
DEMO_EVIDENCE = {
    0: "Monthly check-ins with the principal since September; we set two shared goals.",
    6: "Grade 7 book club runs every week with 25 regulars; circulation up 18% on last year.",
    18: "I have not yet turned circulation data into a report for leadership.",
    25: "No grant applications yet; the budget is the district allocation only.",
}
DEMO_SOURCES = (
    (
        "Riverside USD Strategic Plan 2025–2028",
        "strategic_plan",
        "https://www.riverside-usd.example.org/strategic-plan",
        "Three priorities: literacy for every learner, digital equity, and family partnership. "
        "Goal 1 aims for 75% of grade 8 students reading at grade level by 2028.",
    ),
    (
        "Board of Education minutes, October 2026",
        "board_minutes",
        "https://www.riverside-usd.example.org/board/2026-10",
        "The board approved a take-home Chromebook pilot for two middle schools and asked for "
        "data on home internet access.",
    ),
    (
        "Lincoln Middle School improvement plan 2026–27",
        "data_report",
        "",
        "Reading proficiency in grade 6 is 58%; the plan names independent reading time and "
        "family literacy events as strategies.",
    ),
)
DEMO_GOALS = (
    ("75% of grade 8 students reading at grade level by 2028.", "district", 0),
    ("Every student has a device and home internet access for learning.", "district", 1),
    ("Raise grade 6 reading proficiency from 58% to 65% this year.", "school", 2),
    ("Hold four family literacy evenings this school year.", "school", 2),
)


def seed_inputs(enrollment):
    """A completed self-assessment and some research for the demo teacher (idempotent)."""
    from coursework.models import ResearchSource, StrategicGoal
    from coursework.selfassessment.services import choices_save, rating_save, self_assessment_for

    assessment = self_assessment_for(enrollment)
    if assessment is None or not assessment.ratings.exists():
        from coursework.selfassessment.frameworks import framework_for_cohort

        framework = framework_for_cohort(enrollment.cohort)
        levels = {level.value: level for level in framework.levels.all()}
        practices = [p for d in framework.domains.prefetch_related("practices") for p in d.practices.all()]
        for index, practice in enumerate(practices):
            value = DEMO_RATINGS[index % len(DEMO_RATINGS)]
            rating_save(
                enrollment=enrollment,
                practice=practice,
                level=levels.get(value),
                evidence=DEMO_EVIDENCE.get(index, ""),
            )
        choices_save(
            enrollment=enrollment,
            strengths=[practices[i] for i in (6, 7, 0) if i < len(practices)][:3],
            growth_areas=[practices[i] for i in (18, 25) if i < len(practices)],
        )
    if not ResearchSource.objects.filter(enrollment=enrollment).exists():
        sources = [
            ResearchSource.objects.create(enrollment=enrollment, title=title, kind=kind, url=url, notes=notes)
            for title, kind, url, notes in DEMO_SOURCES
        ]
        StrategicGoal.objects.bulk_create(
            [
                StrategicGoal(enrollment=enrollment, statement=statement, level=level, source=sources[index])
                for statement, level, index in DEMO_GOALS
            ]
        )
