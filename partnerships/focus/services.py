"""Focus areas: drafting, sharing, the administrator's review, the choice and the second meeting.

Keyword-only functions, each one transaction. Errors a person can act on are raised as
PlannerError (its message is safe to show); an edit made from an out-of-date copy raises
Conflict carrying the version saved in the meantime (partnerships/common/errors.py).
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from partnerships.audit.services import audit_record
from partnerships.common.errors import PlannerError, advance_version, check_version
from partnerships.focus.agenda import agenda_lines, confirmed_choice
from partnerships.focus.models import EXCERPT_MAX, excerpt_of
from partnerships.models import (
    AgendaItem,
    Comment,
    FocusArea,
    FocusAreaChoice,
    FocusAreaEvidence,
    MeetingNextStep,
    Membership,
    Partnership,
    ReviewMeeting,
)
from partnerships.notifications.services import notify

Status = FocusArea.Status
Role = Membership.Role
MIN_SHARED = 2
MAX_SHARED = 3
CONTENT_FIELDS = ("title", "need", "serves_students", "serves_teachers", "serves_community", "rationale")


FOCUS_CONFLICT_MESSAGE = (
    "Someone saved this focus area while you were editing it. Your changes are not saved yet: "
    "compare the two versions below, then save again."
)


def _members(partnership, *, roles=None, exclude=None):
    memberships = partnership.memberships.select_related("user")
    if roles:
        memberships = memberships.filter(role__in=roles)
    return [m.user for m in memberships if exclude is None or m.user_id != exclude.pk]


def _lock(partnership):
    """Serialise decisions on one partnership (sharing, proposing) so two clicks cannot race."""
    Partnership.objects.select_for_update().filter(pk=partnership.pk).first()


def _role(partnership, user):
    membership = partnership.memberships.filter(user=user).first()
    return membership.role if membership else None


def _review_url(partnership, focus_area=None):
    url = reverse("partnerships:review", args=[partnership.pk])
    return f"{url}#focus-{focus_area.pk}" if focus_area else url


def shared_count_problem(count, *, already=0):
    """The 2–3 rule in plain words, or None when `count` focus areas in all may be shared.

    `count` includes the `already` shared ones still under review, and so does the message,
    so it never reads as if only the newly selected ones counted.
    """
    counted = f" in all, counting the {already} already shared" if already else ""
    if count < MIN_SHARED:
        return (
            f"Share two or three focus areas with your administrator; you would be sharing {count}{counted}. "
            "Draft another one (or select more) so you have real options to choose from."
        )
    if count > MAX_SHARED:
        return (
            f"Share at most three focus areas; you would be sharing {count}{counted}. "
            "Leave the weakest unselected, or merge two, so the conversation stays focused."
        )
    return None


def sharing_closed(partnership):
    """Why no more focus areas can be shared, or None: once both have confirmed a choice,
    the review is over (nothing new could be proposed or chosen)."""
    choice = confirmed_choice(partnership)
    if choice is None:
        return None
    return (
        f"You and your administrator already chose “{choice.focus_area.title}” together, so the review "
        "is closed and new focus areas stay private drafts. Add new thoughts to the action plan as ideas."
    )


# Drafting --------------------------------------------------------------------------------


@transaction.atomic
def focus_area_create(*, partnership, actor, title, need, rationale="", **serves):
    focus_area = FocusArea(partnership=partnership, created_by=actor, title=title, need=need, rationale=rationale)
    for field in ("serves_students", "serves_teachers", "serves_community"):
        setattr(focus_area, field, bool(serves.get(field)))
    focus_area._history_user = actor
    focus_area.save()
    return focus_area


@transaction.atomic
def focus_area_update(*, focus_area, actor, expected_version, **fields):
    """Save a revision made from `expected_version`; refuse it if someone saved since."""
    current = FocusArea.objects.select_for_update().get(pk=focus_area.pk)
    check_version(current, expected_version, message=FOCUS_CONFLICT_MESSAGE)
    if current.status == Status.SET_ASIDE:
        raise PlannerError("This focus area was set aside when another one was chosen; it is kept as it was.")
    changed = [f for f in CONTENT_FIELDS if f in fields and getattr(current, f) != fields[f]]
    if not changed:
        return current
    advance_version(current, expected_version, message=FOCUS_CONFLICT_MESSAGE)
    for field in changed:
        setattr(current, field, fields[field])
    was_under_review = current.status in (Status.SHARED, Status.CLARIFICATION_REQUESTED, Status.REVISED)
    if was_under_review:
        current.status = Status.REVISED
    current._history_user = actor
    current.save()
    if was_under_review:
        partnership = current.partnership
        notify(
            recipients=_members(partnership, exclude=actor),
            message=f"{actor} revised the focus area “{current.title}”.",
            url=_review_url(partnership, current),
        )
    return current


@transaction.atomic
def focus_area_delete(*, focus_area, actor):
    if not focus_area.is_draft:
        raise PlannerError("A shared focus area is kept for the record; it cannot be deleted.")
    audit_record(actor=actor, action="focus_area.deleted", target=focus_area, summary=focus_area.title)
    focus_area.delete()


@transaction.atomic
def evidence_add(*, focus_area, actor, kind, ref, source, text):
    """Copy one input into the focus area, so later edits of the input do not change it."""
    if focus_area.status == Status.SET_ASIDE:
        raise PlannerError("This focus area was set aside; its evidence is kept as it was.")
    evidence, _ = FocusAreaEvidence.objects.get_or_create(
        focus_area=focus_area,
        ref=ref,
        defaults={
            "kind": kind,
            "source": source[:200],
            "text": text,
            "excerpt": excerpt_of(text),
            "added_by": actor,
        },
    )
    return evidence


@transaction.atomic
def evidence_excerpt_update(*, evidence, actor, excerpt):
    """Set what the administrator and colleagues see of one cited input."""
    if evidence.focus_area.status == Status.SET_ASIDE:
        raise PlannerError("This focus area was set aside; its evidence is kept as it was.")
    excerpt = excerpt.strip()
    if not excerpt:
        raise PlannerError("Write the part of this input your administrator should see.", field="excerpt")
    if len(excerpt) > EXCERPT_MAX:
        raise PlannerError(f"Keep it to {EXCERPT_MAX} characters or fewer (this has {len(excerpt)}).", field="excerpt")
    evidence.excerpt = excerpt
    evidence.save(update_fields=["excerpt"])
    return evidence


@transaction.atomic
def evidence_remove(*, evidence, actor):
    if evidence.focus_area.status == Status.SET_ASIDE:
        raise PlannerError("This focus area was set aside; its evidence is kept as it was.")
    evidence.delete()


@transaction.atomic
def focus_areas_share(*, partnership, actor, focus_areas):
    """Share the chosen drafts; with those already shared there must be two or three."""
    _lock(partnership)
    drafts = list(partnership.focus_areas.drafts().filter(pk__in=[fa.pk for fa in focus_areas]).order_by("created_at"))
    if not drafts:
        raise PlannerError("Select at least one draft focus area to share.")
    closed = sharing_closed(partnership)
    if closed:
        raise PlannerError(closed, field="focus_areas", code="choice_made")
    already = partnership.focus_areas.in_review().count()
    problem = shared_count_problem(already + len(drafts), already=already)
    if problem:
        raise PlannerError(problem, field="focus_areas")
    now = timezone.now()
    for focus_area in drafts:
        focus_area.status = Status.SHARED
        focus_area.shared_at = now
        focus_area._history_user = actor
        focus_area.save(update_fields=["status", "shared_at", "updated_at"])
    titles = ", ".join(f"“{fa.title}”" for fa in drafts)
    notify(
        recipients=_members(partnership, roles=[Role.ADMINISTRATOR], exclude=actor),
        message=f"{actor} shared {len(drafts)} focus area{'s' if len(drafts) != 1 else ''} for your review: {titles}.",
        url=_review_url(partnership),
    )
    audit_record(actor=actor, action="focus_area.shared", target=partnership, summary=titles)
    return drafts


# The review -----------------------------------------------------------------------------


@transaction.atomic
def comment_add(*, focus_area, author, kind, body, parent=None):
    body = body.strip()
    if not body:
        raise PlannerError("Write something before posting.")
    if focus_area.is_draft:
        raise PlannerError("This focus area has not been shared yet.")
    if parent is not None:
        if parent.focus_area_id != focus_area.pk:
            raise PlannerError("That reply belongs to another focus area.")
        if kind == Comment.Kind.QUESTION:
            kind = Comment.Kind.COMMENT
    elif kind == Comment.Kind.ANSWER:
        raise PlannerError("An answer replies to a question.")
    if kind == Comment.Kind.ANSWER and not parent.is_question:
        kind = Comment.Kind.COMMENT
    comment = Comment.objects.create(
        focus_area=focus_area,
        author=author,
        kind=kind,
        parent=parent,
        body=body,
        focus_version=focus_area.version,
    )
    if kind == Comment.Kind.QUESTION and focus_area.status in (Status.SHARED, Status.REVISED):
        focus_area.status = Status.CLARIFICATION_REQUESTED
        focus_area._history_user = author
        focus_area.save(update_fields=["status", "updated_at"])
    what = {
        Comment.Kind.QUESTION: "asked a clarification question on",
        Comment.Kind.ANSWER: "answered a question on",
        Comment.Kind.COMMENT: "commented on",
    }[kind]
    notify(
        recipients=_members(focus_area.partnership, exclude=author),
        message=f"{author} {what} the focus area “{focus_area.title}”.",
        url=_review_url(focus_area.partnership, focus_area),
    )
    return comment


@transaction.atomic
def comment_resolve(*, comment, actor, resolved=True):
    if not comment.is_question:
        raise PlannerError("Only a clarification question can be marked resolved.")
    comment.resolved = resolved
    comment.resolved_by = actor if resolved else None
    comment.resolved_at = timezone.now() if resolved else None
    comment.save(update_fields=["resolved", "resolved_by", "resolved_at"])
    return comment


# Choosing one focus area ----------------------------------------------------------------


def _party(partnership, user):
    role = _role(partnership, user)
    if role == Role.LEAD_TEACHER:
        return "teacher"
    if role == Role.ADMINISTRATOR:
        return "administrator"
    return None


@transaction.atomic
def choice_propose(*, focus_area, actor, rationale):
    """Propose one focus area; an open proposal by anyone is replaced (kept as withdrawn)."""
    partnership = focus_area.partnership
    if _party(partnership, actor) is None:
        raise PlannerError("Only the teacher and an administrator choose the focus area.")
    _lock(partnership)
    if not rationale.strip():
        raise PlannerError("Say in a sentence or two why this focus area should be the one.")
    if focus_area.status not in (Status.SHARED, Status.CLARIFICATION_REQUESTED, Status.REVISED):
        raise PlannerError("Only a shared focus area that is still open can be proposed.")
    if partnership.focus_choices.filter(confirmed_at__isnull=False).exists():
        raise PlannerError("A focus area has already been chosen and confirmed by both of you.")
    now = timezone.now()
    partnership.focus_choices.filter(confirmed_at__isnull=True, withdrawn_at__isnull=True).update(
        withdrawn_at=now, withdrawn_by=actor
    )
    choice = FocusAreaChoice.objects.create(
        partnership=partnership, focus_area=focus_area, proposed_by=actor, proposed_at=now, rationale=rationale.strip()
    )
    notify(
        recipients=_members(partnership, roles=[Role.LEAD_TEACHER, Role.ADMINISTRATOR], exclude=actor),
        message=f"{actor} proposed choosing “{focus_area.title}”. It needs your confirmation.",
        url=_review_url(partnership) + "#choice",
    )
    return choice


@transaction.atomic
def choice_withdraw(*, choice, actor):
    choice = FocusAreaChoice.objects.select_for_update().get(pk=choice.pk)
    if choice.state != "proposed":
        raise PlannerError("Only an open proposal can be withdrawn.")
    if choice.proposed_by_id != actor.pk:
        raise PlannerError("Only the person who proposed it can withdraw it; you can propose another one instead.")
    choice.withdrawn_at = timezone.now()
    choice.withdrawn_by = actor
    choice.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return choice


@transaction.atomic
def choice_confirm(*, choice, actor):
    """The other party confirms: the area becomes selected, the others set aside (kept)."""
    choice = FocusAreaChoice.objects.select_for_update().select_related("focus_area", "partnership").get(pk=choice.pk)
    if choice.state != "proposed":
        raise PlannerError("This proposal is no longer open.")
    partnership = choice.partnership
    mine = _party(partnership, actor)
    if mine is None:
        raise PlannerError("Only the teacher and an administrator choose the focus area.")
    theirs = _party(partnership, choice.proposed_by) if choice.proposed_by else None
    if choice.proposed_by_id == actor.pk or mine == theirs:
        raise PlannerError(
            "A choice needs both the teacher and an administrator: "
            + ("an administrator" if mine == "teacher" else "the teacher")
            + " confirms it."
        )
    agenda_before = agenda_lines(partnership, None)
    now = timezone.now()
    choice.confirmed_by = actor
    choice.confirmed_at = now
    choice.save(update_fields=["confirmed_by", "confirmed_at"])
    for focus_area in partnership.focus_areas.shared().exclude(status=Status.SET_ASIDE):
        focus_area.status = Status.SELECTED if focus_area.pk == choice.focus_area_id else Status.SET_ASIDE
        focus_area._history_user = actor
        focus_area.save(update_fields=["status", "updated_at"])
    _agenda_follows_choice(partnership, agenda_before, agenda_lines(partnership, choice))
    audit_record(
        actor=actor,
        action="focus_area.chosen",
        target=choice.focus_area,
        summary=f"“{choice.focus_area.title}” proposed by {choice.proposed_by}, confirmed by {actor}",
    )
    notify(
        recipients=_members(partnership, exclude=actor),
        message=f"{actor} confirmed “{choice.focus_area.title}” as the partnership's focus area.",
        url=_review_url(partnership) + "#choice",
    )
    return choice


# The second meeting ---------------------------------------------------------------------


@transaction.atomic
def review_meeting_save(*, partnership, actor, starts_at, time_zone, duration_minutes=45, location="", video_link=""):
    if not (location.strip() or video_link.strip()):
        raise PlannerError("Give a place to meet or a video call link.")
    meeting, created = ReviewMeeting.objects.update_or_create(
        partnership=partnership,
        defaults={
            "starts_at": starts_at,
            "time_zone": time_zone,
            "duration_minutes": duration_minutes,
            "location": location.strip(),
            "video_link": video_link.strip(),
            "updated_by": actor,
        },
    )
    when = meeting.local_start.strftime("%A %B %-d at %-I:%M %p")
    notify(
        recipients=_members(partnership, exclude=actor),
        message=f"{actor} {'scheduled' if created else 'changed'} the second meeting: {when} ({time_zone}).",
        url=reverse("partnerships:second_meeting", args=[partnership.pk]),
    )
    return meeting


def meeting_end(meeting):
    return meeting.starts_at + timedelta(minutes=meeting.duration_minutes)


@transaction.atomic
def agenda_generate(*, partnership, actor):
    """Replace the agenda with one built from the shared focus areas and open questions.

    Its words follow the choice: before it, the meeting is to choose one; after it, to
    confirm the chosen one and gather first plan ideas (partnerships/focus/agenda.py).
    """
    rows = agenda_lines(partnership, confirmed_choice(partnership))
    if not any(fa is not None for _, _, fa in rows):
        raise PlannerError("Share your focus areas first; the agenda is built from them.")
    partnership.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                partnership=partnership, position=i, text=text, source=AgendaItem.Source.GENERATED, focus_area=fa
            )
            for i, (_, text, fa) in enumerate(rows, start=1)
        ]
    )
    return list(partnership.agenda_items.all())


def _agenda_follows_choice(partnership, before, after):
    """Once a choice is confirmed ahead of the meeting, reword the generated agenda rows
    nobody changed, so the agenda does not still ask to choose.

    Rows someone edited or took notes on stay as they are, and so does the agenda of a
    meeting that has begun or been recorded: it is the record of what was discussed.
    """
    meeting = ReviewMeeting.objects.filter(partnership=partnership).first()
    if meeting is not None and (meeting.recorded_at or meeting.starts_at <= timezone.now()):
        return
    was = {text: key for key, text, _ in before}
    now = {key: text for key, text, _ in after}
    changed, gone = [], []
    for item in partnership.agenda_items.filter(source=AgendaItem.Source.GENERATED, notes=""):
        key = was.get(item.text)
        if key is None:
            continue
        if key in now:
            item.text = now[key]
            changed.append(item)
        else:
            gone.append(item.pk)
    AgendaItem.objects.bulk_update(changed, ["text"])
    AgendaItem.objects.filter(pk__in=gone).delete()


@transaction.atomic
def agenda_item_add(*, partnership, actor, text):
    if not text.strip():
        raise PlannerError("Write the agenda item before adding it.")
    last = partnership.agenda_items.order_by("-position").values_list("position", flat=True).first() or 0
    return AgendaItem.objects.create(partnership=partnership, position=last + 1, text=text.strip()[:500])


@transaction.atomic
def agenda_item_update(*, item, actor, text):
    if not text.strip():
        raise PlannerError("An agenda item needs some words; remove it instead if it is not needed.")
    item.text = text.strip()[:500]
    item.save(update_fields=["text"])
    return item


@transaction.atomic
def agenda_item_delete(*, item, actor):
    item.delete()


@transaction.atomic
def agenda_item_move(*, item, actor, direction):
    """Swap the item with its neighbour above (direction -1) or below (+1)."""
    items = list(item.partnership.agenda_items.select_for_update().order_by("position", "id"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index + (1 if direction > 0 else -1)
    if not 0 <= other < len(items):
        return item
    items[index], items[other] = items[other], items[index]
    for position, it in enumerate(items, start=1):
        it.position = position
    AgendaItem.objects.bulk_update(items, ["position"])
    return item


@transaction.atomic
def second_meeting_record(*, partnership, by, clarifications, agenda_notes, next_steps, send_summary):
    """Record what happened at the second meeting and, when asked, tell the other members.

    `agenda_notes` maps agenda item ids to their notes; `next_steps` is a list of dicts with
    text, owner (a membership id or None) and due_on; it replaces the steps recorded before.
    """
    meeting = ReviewMeeting.objects.select_for_update().filter(partnership=partnership).first()
    if meeting is None:
        raise PlannerError("Put in when the second meeting was held first, then record it.")
    now = timezone.now()
    meeting.clarifications = clarifications.strip()
    meeting.recorded_at, meeting.recorded_by = now, by
    items = list(partnership.agenda_items.filter(pk__in=agenda_notes))
    for item in items:
        item.notes = agenda_notes[item.pk].strip()
    AgendaItem.objects.bulk_update(items, ["notes"])
    members = {m.pk: m for m in partnership.memberships.all()}
    partnership.meeting_next_steps.all().delete()
    MeetingNextStep.objects.bulk_create(
        [
            MeetingNextStep(
                partnership=partnership,
                position=i,
                text=step["text"].strip(),
                owner=members.get(step.get("owner")),
                due_on=step.get("due_on"),
            )
            for i, step in enumerate((s for s in next_steps if s["text"].strip()), start=1)
        ]
    )
    if send_summary:
        meeting.summary_sent_at = now
        others = [m.user for m in members.values() if m.user_id != by.pk]
        url = reverse("partnerships:second_meeting", args=[partnership.pk]) + "#record"
        message = f"{by} recorded your second meeting for “{partnership.title}”: read the summary."
        transaction.on_commit(lambda: notify(recipients=others, message=message, url=url))
    meeting.save(update_fields=["clarifications", "recorded_at", "recorded_by", "summary_sent_at", "updated_at"])
    return meeting
