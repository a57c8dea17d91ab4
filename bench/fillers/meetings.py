"""Stage 4: the first interview with its questions, notes and shortlist of opportunities."""

from datetime import timedelta

from bench.fillers import text
from bench.fillers.base import bulk, filler

ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles")
PLACES = ("Principal's office", "Library workroom", "Main office conference room", "Room 114")
OPPORTUNITIES = (
    "More time for students to read what they choose.",
    "Teachers want help finding resources for new units.",
    "Families are hard to reach; events draw the same few.",
    "The leadership team would like data on library use by grade.",
    "Students have nowhere calm to go before school.",
)
ANSWERS = (
    "Proud of the staff pulling together after a hard year.",
    "Literacy and attendance, in that order.",
    "Grade 8 reading and the students who are often absent.",
    "Planning time, and fewer initiatives.",
    "Sees the library as a resource; open to it being more.",
    "We would have shared goals and would both know how we are doing.",
    "Budget is fixed until spring; Thursdays are impossible.",
    "Grade-level leads, the counselors, and the PTA president.",
    "Short email updates; meet every three or four weeks.",
)


def _start(rng, when):
    """A round time in school hours across US time zones (stored in UTC)."""
    return when.replace(hour=rng.choice((16, 17, 18, 19, 20, 21)), minute=rng.choice((0, 30)), second=0, microsecond=0)


@filler("first meetings")
def first_meetings(ctx):
    from partnerships.meetings.services import STARTER_QUESTIONS
    from partnerships.models import InterviewQuestion, Meeting, Opportunity

    rng = ctx.rng
    rows = [(row, ctx.progress(row.enrollment, "first-meeting")) for row in ctx.rows()]
    rows = [(row, state) for row, state in rows if state]
    meetings = []
    for row, state in rows:
        themes = ctx.made["themes"][row.enrollment.pk]
        values = text.values_for(row, themes[0])
        if state == "done":
            starts_at = _start(rng, ctx.stage_time(row.enrollment, "first-meeting", hours=48))
            notes = "\n".join(f"- {text.fill(line, values)}" for line in rng.sample(text.NOTE_LINES, rng.randint(3, 7)))
        else:
            starts_at = _start(rng, ctx.now + timedelta(days=rng.randint(1, 10))) if rng.random() < 0.7 else None
            notes = ""
        video = rng.random() < 0.3
        meetings.append(
            Meeting(
                partnership=row.partnership,
                kind=Meeting.Kind.FIRST_INTERVIEW,
                attendee_name=f"{row.admin.get_full_name()}, Principal",
                starts_at=starts_at,
                time_zone=rng.choice(ZONES),
                duration_minutes=rng.choice((30, 45, 45, 60)),
                location="" if video else rng.choice(PLACES),
                video_link=f"https://meet.example.com/{row.partnership.pk}-first" if video else "",
                notes=notes,
                notes_version=rng.randint(1, 6) if notes else 0,
                created_by=row.teacher,
            )
        )
    bulk(Meeting, meetings)
    questions, opportunities, by_enrollment = [], [], {}
    for (row, state), meeting in zip(rows, meetings, strict=True):
        asked = list(STARTER_QUESTIONS)
        if rng.random() < 0.3:
            asked.pop(rng.randrange(len(asked)))
        if rng.random() < 0.3:
            asked.append(f"What would you want families to say about {ctx.made['themes'][row.enrollment.pk][0].topic}?")
        for position, question in enumerate(asked, start=1):
            answered = state == "done" and rng.random() < 0.85
            questions.append(
                InterviewQuestion(
                    meeting=meeting,
                    position=position,
                    text=question,
                    notes=ANSWERS[(position - 1) % len(ANSWERS)] if answered else "",
                    version=rng.randint(1, 3) if answered else 0,
                )
            )
        if state != "done":
            continue
        themes = ctx.made["themes"][row.enrollment.pk]
        shortlist = [t.opportunity for t in themes] + rng.sample(OPPORTUNITIES, rng.randint(0, 2))
        mine = [Opportunity(meeting=meeting, position=n, text=t) for n, t in enumerate(shortlist, start=1)]
        opportunities += mine
        by_enrollment[row.enrollment.pk] = (meeting, mine)
    bulk(InterviewQuestion, questions)
    bulk(Opportunity, opportunities)
    ctx.made["interviews"] = by_enrollment
    return len(meetings) + len(questions) + len(opportunities)
