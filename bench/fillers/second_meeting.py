"""Stage 6: the second meeting, its agenda, and the focus area both partners chose."""

from datetime import timedelta

from bench.fillers.base import bulk, filler
from bench.fillers.meetings import PLACES, ZONES, _start

RATIONALES = (
    "It answers the need we both hear most often, and we can start it this term without new money.",
    "It builds on what already works and moves a goal the board is watching.",
    "The evidence is strongest here, and the grade-level leads are ready.",
    "It is the one the students themselves asked for in the interviews.",
)


@filler("second meetings and choices")
def second_meetings(ctx):
    from partnerships.models import AgendaItem, FocusAreaChoice, ReviewMeeting

    rng = ctx.rng
    by_enrollment = {}
    for row, _theme, thread, area in ctx.made["focus_plans"]:
        if thread != "draft":
            by_enrollment.setdefault(row.enrollment.pk, (row, []))[1].append((area, thread))
    meetings, agenda, choices = [], [], []
    for row, shared in by_enrollment.values():
        state = ctx.progress(row.enrollment, "second-meeting")
        if state is None:
            continue
        if state == "done":
            when = _start(rng, ctx.stage_time(row.enrollment, "second-meeting", hours=40))
        elif rng.random() < 0.7:
            when = _start(rng, ctx.now + timedelta(days=rng.randint(1, 12)))
        else:
            when = None
        if when is not None:
            video = rng.random() < 0.3
            meetings.append(
                ReviewMeeting(
                    partnership=row.partnership,
                    starts_at=when,
                    duration_minutes=rng.choice((30, 45, 60)),
                    time_zone=rng.choice(ZONES),
                    location="" if video else rng.choice(PLACES),
                    video_link=f"https://meet.example.com/{row.partnership.pk}-review" if video else "",
                    updated_by=row.teacher,
                )
            )
        if state == "done" or rng.random() < 0.6:
            agenda += _agenda(rng, row, shared)
        choices += _choices(ctx, row, shared, state)
    bulk(ReviewMeeting, meetings)
    bulk(AgendaItem, agenda)
    bulk(FocusAreaChoice, choices)
    return len(meetings) + len(agenda) + len(choices)


def _agenda(rng, row, shared):
    """The agenda agenda_generate builds from the shared areas, sometimes with a hand-added item."""
    from partnerships.models import AgendaItem

    texts = [("Welcome and the purpose of this meeting: choose one focus area together.", None)]
    texts += [(f"Review the focus area “{a.title}”: the need, who it serves, and its evidence.", a) for a, _ in shared]
    texts += [
        ("Choose one focus area and record why.", None),
        ("Next steps: who drafts the action plan, and when we meet next.", None),
    ]
    items = [
        AgendaItem(partnership=row.partnership, position=n, text=t, source="generated", focus_area=a)
        for n, (t, a) in enumerate(texts, start=1)
    ]
    if rng.random() < 0.4:
        items.append(
            AgendaItem(partnership=row.partnership, position=len(items) + 1, text="Dates for the first touch points.")
        )
    return items


def _choices(ctx, row, shared, state):
    """A confirmed choice (stage done) or, sometimes, an open proposal (stage under way).

    Either party may propose; the other confirms. Now and then an earlier proposal was
    withdrawn in favour of another area, as the review page keeps it.
    """
    from partnerships.models import FocusAreaChoice

    rng = ctx.rng
    selected = ctx.made["selected"].get(row.enrollment.pk)
    if state == "done" and selected is None or state == "partial" and rng.random() < 0.5:
        return []
    target = selected or rng.choice(shared)[0]
    proposer, confirmer = (row.teacher, row.admin) if rng.random() < 0.6 else (row.admin, row.teacher)
    at = ctx.stage_time(row.enrollment, "second-meeting", hours=36)
    out = []
    others = [a for a, _ in shared if a.pk != target.pk]
    if others and rng.random() < 0.2:
        out.append(
            FocusAreaChoice(
                partnership=row.partnership,
                focus_area=rng.choice(others),
                proposed_by=proposer,
                proposed_at=at - timedelta(hours=20),
                rationale=rng.choice(RATIONALES),
                withdrawn_by=proposer,
                withdrawn_at=at - timedelta(hours=2),
            )
        )
    done = state == "done"
    out.append(
        FocusAreaChoice(
            partnership=row.partnership,
            focus_area=target,
            proposed_by=proposer,
            proposed_at=at,
            rationale=rng.choice(RATIONALES),
            confirmed_by=confirmer if done else None,
            confirmed_at=at + timedelta(hours=rng.randint(1, 30)) if done else None,
        )
    )
    return out
