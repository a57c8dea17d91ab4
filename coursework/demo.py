"""The demo cohort used by `seed_demo` (and handy in tests of the whole journey).

Every demo state is reached the way a person reaches it: through the same services the
pages call (answering prompts, rating practices, adding sources, sharing focus areas,
choosing one, writing the plan, submitting stages, the instructor's reviews). The
services stamp `timezone.now()`; `at()` then moves what each step wrote to the moment it
is meant to have happened, so the cohort's work is spread over the past weeks.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.test.utils import override_settings
from django.utils import timezone

from coursework.collaboratives.forms import DEFAULT_NORMS
from coursework.collaboratives.services import (
    collaborative_create,
    collaborative_norms_agree,
    collaborative_prompt_set,
    post_create,
    reply_create,
)
from coursework.courses.services import cohort_stages_ensure, enrollment_create
from coursework.evaluation.services import evaluation_save
from coursework.feedback.services import feedback_add
from coursework.models import Cohort, CohortStage, Course, Feedback, Reply
from coursework.reflections.services import cohort_prompts_seed, prompts_with_answers, reflection_save
from coursework.research.services import goal_create, source_create
from coursework.selfassessment.frameworks import framework_for_cohort
from coursework.selfassessment.services import choices_save, rating_save
from coursework.stages.checks import submit_check
from coursework.stages.evidence import GOAL, INTERVIEW, STRENGTH, evidence_for
from coursework.stages.registry import STAGES
from coursework.stages.services import stage_submit, stage_touch
from partnerships.focus import services as focus
from partnerships.meetings import services as meetings
from partnerships.members.services import invitation_accept, invitation_create, partnership_create
from partnerships.models import Comment, Meeting, Membership, Outcome, Step, TouchPoint, User
from partnerships.plan.selectors import selected_focus_area
from partnerships.plan.services import action_plan_create, item_create, item_update
from partnerships.sustain.services import agreement_confirm, agreement_save, touch_point_record

DEMO_PASSWORD = "partnership-demo"
COURSE_SLUG = "strategic-partnerships"
COHORT_NAME = "Fall 2026 cohort"
COLLABORATIVE_NAME = "Librarians and coaches"


# The clock -------------------------------------------------------------------------------

_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


@contextmanager
def at(moment):
    """Run one step of the story (in its own transaction) and date what it wrote `moment`.

    Every date-time column set during the step holds the wall-clock time of the step
    (services stamp now()); afterwards each such value, in the tables the step wrote to,
    is moved to `moment`. Dates a person typed (a meeting's start, a due date) lie outside
    the step's few milliseconds and are left alone. The step commits on its own so what it
    defers to the commit (notifications) is written, and dated, with it.
    """
    if moment > timezone.now():
        raise ValueError(f"The demo only tells the past: {moment} is in the future.")
    tables = set()

    def watch(execute, sql, params, many, context):
        match = _WRITE.match(sql)
        if match:
            tables.add(match.group(1))
        return execute(sql, params, many, context)

    start = timezone.now()
    with connection.execute_wrapper(watch), transaction.atomic():
        yield
    end = timezone.now()
    for model in apps.get_models():
        if model._meta.db_table not in tables:
            continue
        for column in model._meta.concrete_fields:
            if isinstance(column, models.DateTimeField):
                model._base_manager.filter(**{f"{column.attname}__range": (start, end)}).update(
                    **{column.attname: moment}
                )


def days_ago(days, hour, minute=0):
    """A local time `days` ago (the cohort works in the site's time zone)."""
    day = timezone.localdate() - timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour))) + timedelta(minutes=minute)


def weekday_ago(days):
    """`days`, or a day or two more, so that many days ago is a weekday (meetings are not at weekends)."""
    while (timezone.localdate() - timedelta(days=days)).weekday() >= 5:
        days += 1
    return days


def school_day(days_from_now, hour, minute=0):
    """A local time on the first weekday at least `days_from_now` ahead (meetings are not at weekends)."""
    moment = days_ago(-days_from_now, hour, minute)
    while moment.weekday() >= 5:
        moment += timedelta(days=1)
    return moment


def _user(email, first, last, job, school, district="Riverside Unified School District"):
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"first_name": first, "last_name": last, "job_title": job, "school": school, "district": district},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


# Who is in the demo ----------------------------------------------------------------------


@dataclass(frozen=True)
class Journey:
    """One teacher's way through the unit.

    `days[i]` is how many days ago they worked on stage i + 1; the last stage listed is
    where they are now. Every earlier stage was submitted and reviewed by the
    instructor; the last one is submitted when `submitted`, and reviewed too when
    `reviewed`, otherwise it is half done.
    """

    email: str
    first: str
    last: str
    job: str
    school: str
    days: tuple
    submitted: bool = False
    reviewed: bool = False
    administrator: str = ""
    partnership_title: str = ""
    second_meeting_in_days: int | None = None


# Administrators join through the teacher's invitation, which makes their account.
ADMINISTRATORS = {
    "principal@demo.test": ("Sam", "Patel", "Principal"),
    "helen.moore@demo.test": ("Helen", "Moore", "Principal"),
}

JOURNEYS = (
    # Mid-way: focus areas shared, waiting for the principal's review and the instructor's.
    Journey(
        "teacher@demo.test",
        "Jordan",
        "Rivera",
        "School Librarian",
        "Lincoln Middle School",
        days=(25, 20, 16, 10, 3),
        submitted=True,
        administrator="principal@demo.test",
        partnership_title="Library and leadership at Lincoln Middle",
        second_meeting_in_days=4,
    ),
    # Finished: a plan with outcomes, steps and touch points, one of them already held.
    Journey(
        "james.okafor@demo.test",
        "James",
        "Okafor",
        "Instructional Coach",
        "Lincoln Middle School",
        days=(27, 24, 21, 17, 14, 10, 8, 5),
        submitted=True,
        reviewed=True,
        administrator="principal@demo.test",
        partnership_title="Coaching and reading growth at Lincoln Middle",
    ),
    # Nearly there: the plan is reviewed, the final reflection half written.
    Journey(
        "priya.shah@demo.test",
        "Priya",
        "Shah",
        "Teacher Librarian",
        "Hillside High School",
        days=(26, 22, 19, 15, 12, 8, 6, 2),
        administrator="helen.moore@demo.test",
    ),
    # Preparing the first meeting.
    Journey(
        "maria.alvarez@demo.test",
        "Maria",
        "Alvarez",
        "Library Media Specialist",
        "Roosevelt Elementary",
        days=(24, 18, 12, 4),
    ),
    # Self-reflection submitted and waiting for review; research overdue.
    Journey(
        "daniel.kim@demo.test", "Daniel", "Kim", "Grade 5 Teacher", "Roosevelt Elementary", days=(23, 6), submitted=True
    ),
    # Just started: three of the eight mindsets questions answered.
    Journey("aisha.johnson@demo.test", "Aisha", "Johnson", "Teacher Leader", "Lincoln Middle School", days=(1,)),
)


@dataclass
class Teacher:
    """A journey in progress: the people and rows the stage steps work on."""

    journey: Journey
    user: User
    enrollment: object
    instructor: User
    administrator: User | None = None
    focus_areas: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    steps: list = field(default_factory=list)

    @property
    def partnership(self):
        return self.enrollment.partnership

    def touch(self, stage):
        stage_touch(enrollment=self.enrollment, stage=stage)


# Stage 1 and 8: answers to the cohort's prompts ------------------------------------------
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


DEMO_FINAL_ANSWERS = (
    "I stopped treating my principal as a gatekeeper. Seeing the work from that chair made me bring "
    "data and a question instead of a request.",
    "Trust came from small things done on time: the follow-up email within a day, the notes shared "
    "before the second meeting, an honest answer when I did not know.",
    "I am confident about the reading survey; the weekly reading target will be hardest, because it "
    "depends on advisory time we do not control.",
    "The next touch point is on both our calendars, the literacy coach joins from January, and we keep "
    "the one-page agenda with a decision at the end.",
    "Listen first. Ask what is already on your administrator's list before you pitch anything of your own.",
)


def _answer(teacher, stage, answers, day, count=None):
    pairs = prompts_with_answers(teacher.enrollment, stage)[:count]
    for minute, ((prompt, _), answer) in enumerate(zip(pairs, answers, strict=False)):
        text, carry = answer if isinstance(answer, tuple) else (answer, None)
        with at(days_ago(day, 19, minute * 6)):
            reflection_save(
                enrollment=teacher.enrollment, prompt=prompt, base_version=0, text=text, carry_forward=carry
            )


def mindsets(teacher, day, full):
    _answer(teacher, "mindsets", DEMO_MINDSET_ANSWERS, day, None if full else 3)


def final_reflection(teacher, day, full):
    _answer(teacher, "final-reflection", DEMO_FINAL_ANSWERS, day, None if full else 2)
    ratings, worked, change = DEMO_EVALUATIONS[teacher.journey.email]
    with at(days_ago(day, 20, 30)):
        evaluation_save(
            enrollment=teacher.enrollment, answers={**ratings, "comment_worked": worked, "comment_change": change}
        )


# Stage 2: the self-assessment ------------------------------------------------------------

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


def self_reflection(teacher, day, full):
    framework = framework_for_cohort(teacher.enrollment.cohort)
    levels = {level.value: level for level in framework.levels.all()}
    practices = [p for d in framework.domains.prefetch_related("practices") for p in d.practices.all()]
    rated = practices if full else practices[:12]
    # A sitting of about an hour: a few practices every quarter of an hour.
    for start in range(0, len(rated), 7):
        with at(days_ago(day, 18, start * 2)):
            for index, practice in enumerate(rated[start : start + 7], start=start):
                rating_save(
                    enrollment=teacher.enrollment,
                    practice=practice,
                    level=levels[DEMO_RATINGS[index % len(DEMO_RATINGS)]],
                    evidence=DEMO_EVIDENCE.get(index, ""),
                )
    if full:
        with at(days_ago(day, 19, 0)):
            choices_save(
                enrollment=teacher.enrollment,
                strengths=[practices[i] for i in (6, 7, 0)],
                growth_areas=[practices[i] for i in (18, 25)],
            )


# Stage 3: research -----------------------------------------------------------------------


def research(teacher, day, full):
    sources = []
    for index, (title, kind, url, notes) in enumerate(DEMO_SOURCES if full else DEMO_SOURCES[:1]):
        with at(days_ago(day, 17, index * 20)):
            sources.append(source_create(enrollment=teacher.enrollment, title=title, kind=kind, url=url, notes=notes))
    if not full:
        return
    for index, (statement, level, source) in enumerate(DEMO_GOALS):
        with at(days_ago(day, 18, index * 5)):
            goal_create(enrollment=teacher.enrollment, statement=statement, level=level, source=sources[source])


# Stage 4: the first meeting --------------------------------------------------------------

DEMO_QUESTION_NOTES = {
    1: "Proud of the new advisory schedule and the staff's work on attendance.",
    2: "Reading growth in grade 6 first; chronic absenteeism a close second.",
    3: "Students who can decode but do not choose to read; boys in grade 7 especially.",
    6: "Fewer students saying they never read for pleasure; teachers asking the library for help.",
}
DEMO_OPPORTUNITIES = (
    "Reluctant readers in grades 6–8: the principal would welcome a library-led plan.",
    "Family literacy evenings need an owner; the library could co-host them with the PTA.",
)
DEMO_MEETING_NOTES = (
    "Forty minutes in the principal's office. Listened more than I talked. The school improvement plan "
    "is the frame for everything; anything we do should show up in its reading measures."
)


def _join_administrator(teacher, day):
    """The teacher invites their administrator, who accepts within the hour."""
    email = teacher.journey.administrator
    if not email:
        return
    first, last, job = ADMINISTRATORS[email]
    with at(days_ago(day, 15, 0)):
        invitation = invitation_create(
            partnership=teacher.partnership, email=email, role=Membership.Role.ADMINISTRATOR, invited_by=teacher.user
        )
        teacher.touch("first-meeting")
    with at(days_ago(day, 15, 40)):
        existing = User.objects.filter(email=email).first()
        membership = invitation_accept(
            invitation=invitation,
            user=existing,
            first_name=first,
            last_name=last,
            password=DEMO_PASSWORD,
            job_title=job,
        )
    teacher.administrator = membership.user


def first_meeting(teacher, day, full):
    zone = settings.TIME_ZONE
    # The meeting is booked three days ahead; half-way through the stage it is still to come.
    booked_on = day + 3 if full else day
    meets = days_ago(weekday_ago(day), 15, 30) if full else school_day(2, 15, 30)
    _join_administrator(teacher, booked_on)
    attendee = teacher.administrator.get_full_name() if teacher.administrator else "Dr. Angela Lee"
    with at(days_ago(booked_on, 16, 0)):
        meeting = meetings.meeting_save(
            partnership=teacher.partnership,
            kind=Meeting.Kind.FIRST_INTERVIEW,
            actor=teacher.user,
            attendee_name=attendee,
            starts_at=meets,
            time_zone=zone,
            duration_minutes=45,
            location="Principal's office",
        )
        teacher.touch("first-meeting")
    if not full:
        return
    questions = {q.position: q for q in meeting.questions.all()}
    for minute, (position, notes) in enumerate(DEMO_QUESTION_NOTES.items()):
        with at(days_ago(day, 16, 20 + minute * 5)):
            meetings.question_update(question=questions[position], text=questions[position].text, notes=notes)
            teacher.touch("first-meeting")
    with at(days_ago(day, 16, 45)):
        meetings.meeting_notes_save(meeting=meeting, notes=DEMO_MEETING_NOTES)
        teacher.touch("first-meeting")
    for minute, text in enumerate(DEMO_OPPORTUNITIES):
        with at(days_ago(day, 16, 50 + minute * 3)):
            meetings.opportunity_add(meeting=meeting, text=text)
            teacher.touch("first-meeting")


# Stage 5: focus areas --------------------------------------------------------------------

DEMO_FOCUS_AREAS = (
    (
        "Reading for pleasure in grades 6–8",
        "Fewer than a quarter of our students say they read for pleasure in a typical week.",
        "The district literacy goal names independent reading; the library can lead it.",
        {"serves_students": True, "serves_community": True},
    ),
    (
        "Family literacy evenings",
        "The school plan promises four family literacy evenings and nobody owns them yet.",
        "Families asked for them in the spring survey; the library and the PTA can co-host.",
        {"serves_community": True},
    ),
    (
        "Research skills in grade 6 science",
        "Grade 6 teachers say students copy from the first search result.",
        "Digital equity is a district priority; source evaluation belongs to it.",
        {"serves_students": True, "serves_teachers": True},
    ),
)


def focus_areas(teacher, day, full):
    items = evidence_for(teacher.enrollment)
    by_kind = {kind: [item for item in items if item.kind == kind] for kind in (GOAL, STRENGTH, INTERVIEW)}
    drafts = DEMO_FOCUS_AREAS if full else DEMO_FOCUS_AREAS[:1]
    for index, (title, need, rationale, serves) in enumerate(drafts):
        with at(days_ago(day, 16, index * 15)):
            focus_area = focus.focus_area_create(
                partnership=teacher.partnership,
                actor=teacher.user,
                title=title,
                need=need,
                rationale=rationale,
                **serves,
            )
            teacher.touch("focus-areas")
        with at(days_ago(day, 16, index * 15 + 8)):
            for cited in by_kind.values():
                if cited:
                    item = cited[index % len(cited)]
                    focus.evidence_add(
                        focus_area=focus_area,
                        actor=teacher.user,
                        kind=item.kind,
                        ref=item.ref,
                        source=item.source,
                        text=item.text,
                    )
            teacher.touch("focus-areas")
        teacher.focus_areas.append(focus_area)
    if full:
        with at(days_ago(day, 17, 0)):
            teacher.focus_areas = focus.focus_areas_share(
                partnership=teacher.partnership, actor=teacher.user, focus_areas=teacher.focus_areas
            )
            teacher.touch("focus-areas")


def schedule_second_meeting(teacher, day, starts_at):
    with at(days_ago(day, 17, 20)):
        focus.review_meeting_save(
            partnership=teacher.partnership,
            actor=teacher.user,
            starts_at=starts_at,
            time_zone=settings.TIME_ZONE,
            location="Principal's office",
        )


# Stage 6: the second meeting -------------------------------------------------------------


def second_meeting(teacher, day, full):
    admin, chosen = teacher.administrator, teacher.focus_areas[0]
    met = weekday_ago(day)
    schedule_second_meeting(teacher, met + 1, days_ago(met, 15, 30))
    with at(days_ago(met + 1, 19, 10)):
        question = focus.comment_add(
            focus_area=chosen,
            author=admin,
            kind=Comment.Kind.QUESTION,
            body="How would we know in December whether more students read for pleasure?",
        )
    with at(days_ago(met + 1, 20, 40)):
        focus.comment_add(
            focus_area=chosen,
            author=teacher.user,
            kind=Comment.Kind.ANSWER,
            parent=question,
            body="A two-question survey in advisory now and again in December, plus circulation by grade.",
        )
    with at(days_ago(met, 15, 50)):
        focus.comment_resolve(comment=question, actor=admin)
    with at(days_ago(met, 16, 5)):
        choice = focus.choice_propose(
            focus_area=chosen,
            actor=teacher.user,
            rationale="It answers the district's first goal and builds on what the library already does well.",
        )
    with at(days_ago(met, 16, 10)):
        focus.choice_confirm(choice=choice, actor=admin)


# Stage 7: the action plan ----------------------------------------------------------------


def action_plan(teacher, day, full):
    admin, user = teacher.administrator, teacher.user
    lead = teacher.partnership.memberships.get(user=user)
    admin_membership = teacher.partnership.memberships.get(user=admin)
    today = timezone.localdate()
    with at(days_ago(day, 16, 0)):
        plan = action_plan_create(focus_area=selected_focus_area(teacher.partnership), by=user)
    with at(days_ago(day, 16, 10)):
        plan = item_update(
            item=plan,
            by=user,
            expected_version=plan.version,
            goal="By June, half of our students read for pleasure at least once a week.",
            communication="Monthly update at the staff meeting; a line in the family newsletter each term.",
        )
    for minute, (measure, baseline, target, source) in enumerate(
        (
            ("Students who report reading for pleasure weekly (%)", 23, 50, "Library reading survey, each term"),
            ("Books checked out per student per month", Decimal("1.4"), Decimal("2.5"), "Library circulation report"),
        )
    ):
        with at(days_ago(day, 16, 20 + minute * 5)):
            teacher.outcomes.append(
                item_create(
                    model=Outcome,
                    by=user,
                    plan=plan,
                    measure=measure,
                    baseline=baseline,
                    target=target,
                    target_date=today + timedelta(days=180),
                    data_source=source,
                )
            )
    for minute, (title, owner, due, estimate) in enumerate(
        (
            ("Run the baseline reading survey in advisory", lead, -day + 5, "2 hours"),
            ("Set up a grade 7 reading lunch club", lead, 14, "1 hour a week"),
        )
    ):
        with at(days_ago(day, 16, 35 + minute * 5)):
            teacher.steps.append(
                item_create(
                    model=Step,
                    by=user,
                    plan=plan,
                    title=title,
                    owner_member=owner,
                    due_date=today + timedelta(days=due),
                    time_estimate=estimate,
                )
            )
    # The administrator co-edits the plan that evening.
    with at(days_ago(day, 20, 5)):
        teacher.steps.append(
            item_create(
                model=Step,
                by=admin,
                plan=plan,
                title="Protect 15 minutes of independent reading in advisory twice a week",
                owner_member=admin_membership,
                due_date=today + timedelta(days=21),
                resources="Advisory schedule change; a note to staff",
            )
        )
    zone = settings.TIME_ZONE
    reviewed_on = weekday_ago(day - 3)
    first_review = days_ago(reviewed_on, 15, 30)
    with at(days_ago(day, 16, 50)):
        for title, when in (
            ("First review", first_review),
            ("Mid-year review", school_day(24, 15, 30)),
        ):
            item_create(
                model=TouchPoint,
                by=user,
                partnership=teacher.partnership,
                title=title,
                scheduled_at=when,
                time_zone=zone,
                location="Library workroom",
            )
    with at(days_ago(day, 17, 0)):
        agreement = agreement_save(
            partnership=teacher.partnership,
            by=user,
            shared_goals="More students reading for pleasure, measured each term.",
            norm_time="We start and end on time; thirty minutes unless we agree otherwise.",
            norm_communication="A follow-up email within a day of every meeting.",
            norm_decisions="Decisions at the end of the meeting, written in the notes.",
            meeting_cadence="A touch point every six weeks.",
        )
        agreement_confirm(agreement=agreement, by=user, version=agreement.version)
    with at(days_ago(day, 20, 10)):
        agreement_confirm(agreement=agreement, by=admin, version=agreement.version)
    if reviewed_on >= 1:
        _hold_first_review(teacher, reviewed_on)


def _hold_first_review(teacher, day):
    touch_point = TouchPoint.objects.get(partnership=teacher.partnership, title="First review")
    with at(days_ago(day, 16, 30)):
        step = teacher.steps[0]
        item_update(item=step, by=teacher.user, expected_version=step.version, status=Step.Status.DONE)
        touch_point_record(
            touch_point=touch_point,
            by=teacher.user,
            expected_version=touch_point.version,
            readings={teacher.outcomes[0].pk: 31, teacher.outcomes[1].pk: Decimal("1.7")},
            trust=4,
            transparency=4,
            communication=5,
            honest_assessment=4,
            time_respected=5,
            relevance=5,
            reflections="The survey ran in every advisory; 31% now read weekly, up from 23%.",
            next_steps="Start the lunch club before the winter break; ask the PTA about the first family evening.",
        )


# The instructor's side -------------------------------------------------------------------

DEMO_REVIEWS = {
    "mindsets": "A thoughtful start. Your note on seeing the work from your administrator's chair is worth "
    "bringing to the first meeting.",
    "self-reflection": "Honest ratings with real evidence. Your strengths are a good way into the first meeting.",
    "research": "Good mix of sources. Quote the goals in the plan's own words when you draft focus areas.",
    "first-meeting": "You listened well: the shortlist comes straight from your administrator's priorities.",
    "focus-areas": "Each focus area names a local need and cites evidence. Ready for the review.",
    "second-meeting": "A clear choice, made together, with the question answered in the open.",
    "action-plan": "Measurable outcomes with baselines, owned steps and touch points on the calendar. Well done.",
    "final-reflection": "A candid look back. Thank you for the thoughtful evaluation as well.",
}

STAGE_WORK = {
    "mindsets": mindsets,
    "self-reflection": self_reflection,
    "research": research,
    "first-meeting": first_meeting,
    "focus-areas": focus_areas,
    "second-meeting": second_meeting,
    "action-plan": action_plan,
    "final-reflection": final_reflection,
}


def _submit(teacher, slug, day):
    enrollment = teacher.enrollment
    with at(days_ago(day, 21, 0)):
        stage_submit(enrollment=enrollment, stage=slug, can_submit=lambda: submit_check(slug, enrollment))


def _review(teacher, slug, day):
    with at(days_ago(day - 2, 10, 0)):
        feedback_add(
            enrollment=teacher.enrollment,
            stage=slug,
            author=teacher.instructor,
            text=DEMO_REVIEWS[slug],
            decision=Feedback.Decision.COMPLETE,
        )


def _walk(journey, cohort, instructor):
    joined = journey.days[0] + 2
    with at(days_ago(joined, 9, 0)):
        user = _user(journey.email, journey.first, journey.last, journey.job, journey.school)
        if journey.partnership_title:
            partnership_create(teacher=user, title=journey.partnership_title)
        teacher = Teacher(journey, user, enrollment_create(cohort=cohort, teacher=user), instructor)
    last = len(journey.days) - 1
    for index, (stage, day) in enumerate(zip(STAGES, journey.days, strict=False)):
        done = index < last
        STAGE_WORK[stage.slug](teacher, day, done or journey.submitted)
        if done or journey.submitted:
            _submit(teacher, stage.slug, day)
        if done or journey.reviewed:
            _review(teacher, stage.slug, day)
    if journey.second_meeting_in_days is not None:
        schedule_second_meeting(teacher, journey.days[-1], school_day(journey.second_meeting_in_days, 15, 30))
    return teacher


# The course evaluation, from the two teachers who reached stage 8.
DEMO_EVALUATIONS = {
    "priya.shah@demo.test": (
        {"clarity": 5, "relevance": 5, "partnership": 4, "feedback": 5, "workload": 3, "recommend": 5},
        "Preparing for the second meeting with the focus areas side by side — my principal said it was the "
        "clearest pitch she had heard all year.",
        "The research stage took me far longer than the estimate; more example sources would help.",
    ),
    "james.okafor@demo.test": (
        {"clarity": 3, "relevance": 4, "partnership": 3, "feedback": 4, "workload": 3, "recommend": 4},
        "Seeing the work from the administrator's chair.",
        "",
    ),
}


# A thought-partner collaborative ---------------------------------------------------------


def _collaborative(cohort, instructor, jordan, maria, james):
    with at(days_ago(20, 8, 30)):
        collaborative = collaborative_create(
            cohort=cohort,
            created_by=instructor,
            name=COLLABORATIVE_NAME,
            norms=DEFAULT_NORMS,
            members=[jordan, maria, james],
            as_instructor=True,
        )
        collaborative_prompt_set(
            collaborative=collaborative,
            prompt="What is one assumption about your administrator you want to test before the second meeting?",
            actor=instructor,
        )
    for days, person in ((19, jordan), (18, maria), (17, james)):
        with at(days_ago(days, 20, 0)):
            collaborative_norms_agree(collaborative=collaborative, user=person)
    with at(days_ago(9, 19, 30)):
        first = post_create(
            collaborative=collaborative,
            author=jordan,
            body="I keep framing the library as *support* for teachers. After the first interview I wonder "
            "whether our principal sees it as a **leadership** space instead.\n\nHas anyone asked their "
            "administrator that directly?",
        )
    with at(days_ago(8, 17, 10)):
        reply_create(
            post=first,
            author=maria,
            tag=Reply.Tag.CHALLENGE,
            body="Is it either/or? What would change in your focus areas if it were both?",
        )
    with at(days_ago(8, 21, 0)):
        reply_create(
            post=first,
            author=james,
            tag=Reply.Tag.QUESTION,
            body="What did the strategic plan say about the library, if anything?",
        )
    maria_enrollment = cohort.enrollments.get(teacher=maria)
    with at(days_ago(4, 18, 0)):
        second = post_create(
            collaborative=collaborative,
            author=maria,
            body="Sharing where I am. My first meeting is this week: which questions got your administrator talking?",
            share=f"progress|progress:{maria_enrollment.pk}",
        )
    with at(days_ago(3, 19, 45)):
        reply_create(
            post=second,
            author=jordan,
            tag=Reply.Tag.IDEA,
            body="Ask what they are proudest of first. Mine talked for ten minutes and gave me my focus areas.",
        )


# The whole cohort ------------------------------------------------------------------------


def _cohort():
    today = timezone.localdate()
    with at(days_ago(30, 9, 0)):
        course, _ = Course.objects.get_or_create(
            slug=COURSE_SLUG,
            defaults={
                "title": "Building Strategic Partnerships with School Leaders",
                "description": "A course unit for teacher leaders and school librarians: from self-reflection "
                "and research, through two meetings with an administrator, to an agreed focus area "
                "and an action plan with measurable outcomes.",
            },
        )
        instructor = _user(
            "instructor@demo.test", "Grace", "Whitfield", "Course Instructor", "Riverside Leadership Institute"
        )
        cohort = Cohort.objects.create(
            course=course,
            name=COHORT_NAME,
            term="Fall 2026",
            starts_on=today - timedelta(days=28),
            ends_on=today + timedelta(days=42),
        )
        cohort.instructors.add(instructor)
        cohort_stages_ensure(cohort=cohort)
        cohort_prompts_seed(cohort=cohort)
        for offset, stage in enumerate(STAGES):
            CohortStage.objects.filter(cohort=cohort, stage=stage.slug).update(
                due_on=today + timedelta(days=-21 + offset * 7)
            )
    return cohort, instructor


def seed():
    """Build the demo cohort once; returns False (and changes nothing) when it is already there.

    Each step commits on its own (see `at`), so call this outside a transaction to get
    notifications dated with their step; inside one (tests) it works the same otherwise.
    """
    if Cohort.objects.filter(course__slug=COURSE_SLUG, name=COHORT_NAME).exists():
        return False
    # The demo's people are made up: what the services would email them goes nowhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        cohort, instructor = _cohort()
        teachers = {journey.email: _walk(journey, cohort, instructor) for journey in JOURNEYS}
        _collaborative(
            cohort,
            instructor,
            *(
                teachers[email].user
                for email in ("teacher@demo.test", "maria.alvarez@demo.test", "james.okafor@demo.test")
            ),
        )
    return True
