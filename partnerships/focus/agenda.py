"""What the second meeting is for, in words that follow the choice.

Before the teacher and the administrator have chosen, the meeting is for choosing one of
the shared focus areas; once both have confirmed one, it is for confirming that one and
gathering first ideas for its plan. The generated agenda, the calendar invite and the
one-page brief all take their words from here, so none of them asks to choose again.
"""

from partnerships.models import Comment, FocusArea, FocusAreaChoice


def confirmed_choice(partnership):
    return (
        FocusAreaChoice.objects.filter(partnership=partnership, confirmed_at__isnull=False)
        .select_related("focus_area")
        .first()
    )


def meeting_purpose(choice):
    """One sentence: what the meeting is for, given the confirmed choice (or None)."""
    if choice is None:
        return "Review the focus areas together and choose one of the shared focus areas."
    return (
        f"Confirm the focus area you chose together, “{choice.focus_area.title}”, "
        "and gather first ideas for its action plan."
    )


def agenda_lines(partnership, choice):
    """The generated agenda as (key, text, focus area) rows, in order.

    The key names what a row is for (the purpose, the review of one focus area, one open
    question, the decision, the next steps), so rows written before the choice can be
    matched with their counterparts after it.
    """
    focus_areas = list(
        partnership.focus_areas.shared().exclude(status=FocusArea.Status.SET_ASIDE).order_by("created_at", "id")
    )
    questions = (
        Comment.objects.filter(focus_area__in=focus_areas, kind=Comment.Kind.QUESTION, resolved=False)
        .select_related("focus_area")
        .order_by("created_at", "id")
    )
    if choice is None:
        rows = [
            ("purpose", "Welcome and the purpose of this meeting: choose one of the shared focus areas together.", None)
        ]
        rows += [
            (("review", fa.pk), f"Review the focus area “{fa.title}”: the need, who it serves, and its evidence.", fa)
            for fa in focus_areas
        ]
        decision = ("decision", "Choose one focus area and record why.", None)
    else:
        title = choice.focus_area.title
        rows = [
            (
                "purpose",
                f"Welcome and the purpose of this meeting: confirm “{title}”, the focus area you chose together, "
                "and gather first ideas for its action plan.",
                None,
            )
        ]
        rows += [
            (("review", fa.pk), f"Confirm “{fa.title}”: the need it answers, who it serves, and its evidence.", fa)
            for fa in focus_areas
        ]
        decision = (
            "decision",
            f"First ideas for the action plan for “{title}”: outcomes to measure, first steps.",
            None,
        )
    rows += [
        (("question", q.pk), f"Open question on “{q.focus_area.title}”: {q.body}"[:500], q.focus_area)
        for q in questions
    ]
    rows.append(decision)
    rows.append(("next", "Next steps: who drafts the action plan, and when we meet next.", None))
    return rows
