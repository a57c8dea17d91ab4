"""The demo cohort used by `seed_demo` (and handy in tests of the whole journey)."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings

from partnerships.models import FocusArea, Membership, Outcome, Step, TouchPoint, User
from partnerships.services_plan import action_plan_create, item_create

from .models import Cohort, CohortStage, Course, StageProgress
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
    Membership.objects.get_or_create(
        partnership=partnership, user=principal, defaults={"role": Membership.Role.ADMINISTRATOR}
    )

    _seed_plan(partnership, teacher, today, timedelta)

    for email, first, last, job, school, done in OTHER_TEACHERS:
        person, created = _user(email, first, last, job, school)
        other = enrollment_create(cohort=cohort, teacher=person)
        if created:
            _set_progress(other, done, now)
    return course_created or cohort_created or teacher_created


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
