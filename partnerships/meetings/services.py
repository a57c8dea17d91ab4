"""Writes for meetings: schedule, prepare questions, take notes, keep a shortlist."""

from django.db import transaction
from django.db.models import F, Max
from simple_history.utils import bulk_create_with_history

from partnerships.common.errors import PlannerError
from partnerships.models import InterviewQuestion, Meeting, Membership, Opportunity
from partnerships.notifications.services import notify

# A starter list for the first interview, written to listen more than to pitch.
STARTER_QUESTIONS = (
    "What are you most proud of at our school right now?",
    "Which goals in the school and district plans matter most to you this year, and why?",
    "Where do you see students struggling that we could do more about together?",
    "What do teachers here most need support with this year?",
    "How do you see the library (and my role) contributing to those goals today? What would you like to see more of?",
    "What would a successful partnership between us look like a year from now, and how would we know?",
    "What constraints should I plan around: time, budget, schedules, policies?",
    "Who else should be involved: staff, students, families, district people or community groups?",
    "How do you prefer to communicate and make decisions together, and how often should we check in?",
)

MEETING_FIELDS = ("attendee_name", "starts_at", "time_zone", "duration_minutes", "location", "video_link")


def first_interview_for(partnership):
    if partnership is None:
        return None
    return partnership.meetings.filter(kind=Meeting.Kind.FIRST_INTERVIEW).order_by("id").first()


def _others(partnership, actor):
    return [
        m.user for m in Membership.objects.filter(partnership=partnership).exclude(user=actor).select_related("user")
    ]


@transaction.atomic
def meeting_save(*, partnership, kind, actor, meeting=None, **fields):
    """Create or update a meeting. A new first interview starts with the starter questions.

    Members other than the actor hear about it when the date or time changes.
    """
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {', '.join(sorted(unknown))}")
    created = meeting is None
    if created:
        meeting = Meeting(partnership=partnership, kind=kind, created_by=actor)
    elif meeting.partnership_id != partnership.pk:
        raise PlannerError("That meeting belongs to another partnership.")
    old_start = None if created else Meeting.objects.filter(pk=meeting.pk).values_list("starts_at", flat=True).first()
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.full_clean(exclude=["partnership", "created_by"])
    meeting.save()
    if created and kind == Meeting.Kind.FIRST_INTERVIEW:
        bulk_create_with_history(
            [InterviewQuestion(meeting=meeting, position=i, text=t) for i, t in enumerate(STARTER_QUESTIONS, start=1)],
            InterviewQuestion,
        )
    if meeting.starts_at and meeting.starts_at != old_start:
        local = meeting.local_starts_at
        when = f"{local:%A, %B} {local.day} at {local:%H:%M}"
        transaction.on_commit(
            lambda: notify(
                recipients=_others(partnership, actor),
                message=f"{actor} scheduled the {meeting.get_kind_display().lower()} for {when} ({meeting.time_zone}).",
                url=meeting.get_absolute_url(),
            )
        )
    return meeting


@transaction.atomic
def meeting_notes_save(*, meeting, notes):
    if meeting.notes != notes:
        meeting.notes_version += 1
    meeting.notes = notes
    meeting.save(update_fields=["notes", "notes_version", "updated_at"])
    return meeting


def _next_position(queryset):
    return (queryset.aggregate(top=Max("position"))["top"] or 0) + 1


@transaction.atomic
def question_add(*, meeting, text):
    return InterviewQuestion.objects.create(
        meeting=meeting, position=_next_position(meeting.questions.all()), text=text.strip()
    )


@transaction.atomic
def question_update(*, question, text, notes):
    if question.notes != notes:
        question.version += 1
    question.text = text.strip()
    question.notes = notes
    question.save(update_fields=["text", "notes", "version"])
    return question


@transaction.atomic
def question_remove(*, question):
    meeting, position = question.meeting, question.position
    question.delete()
    meeting.questions.filter(position__gt=position).update(position=F("position") - 1)


def _renumber(queryset):
    """Positions 1..n in the current order (repairs gaps and ties)."""
    items = list(queryset.select_for_update().order_by("position", "id"))
    for number, item in enumerate(items, start=1):
        item.position = number
    queryset.model.objects.bulk_update(items, ["position"])
    return items


@transaction.atomic
def question_move(*, question, direction):
    """Swap the question with its neighbour above ("up") or below ("down")."""
    if direction not in ("up", "down"):
        raise PlannerError("Move a question up or down.")
    items = _renumber(question.meeting.questions.all())
    index = next(i for i, item in enumerate(items) if item.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(items):
        return items[index]
    items[index].position, items[other].position = items[other].position, items[index].position
    InterviewQuestion.objects.bulk_update([items[index], items[other]], ["position"])
    return items[index]


@transaction.atomic
def opportunity_add(*, meeting, text):
    return Opportunity.objects.create(
        meeting=meeting, position=_next_position(meeting.opportunities.all()), text=text.strip()
    )


@transaction.atomic
def opportunity_update(*, opportunity, text):
    opportunity.text = text.strip()
    opportunity.save(update_fields=["text"])
    return opportunity


@transaction.atomic
def opportunity_remove(*, opportunity):
    meeting, position = opportunity.meeting, opportunity.position
    opportunity.delete()
    meeting.opportunities.filter(position__gt=position).update(position=F("position") - 1)
