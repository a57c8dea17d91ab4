"""Stage 5: focus areas with evidence, their revision history and the review threads.

The statuses follow the services: a question makes a shared area "clarification
requested", a revision after it makes it "revised" (version 2), and once both partners
confirm a choice one area is "selected" and the others "set aside".
"""

from datetime import timedelta

from bench.fillers import text
from bench.fillers.base import bulk, filler, history_model, history_row

# What happens to a shared focus area in review, with weights.
THREADS = ("none", "comment", "question", "answered", "revised")
THREAD_WEIGHTS = (2, 3, 2, 2, 3)


def _evidence_pool(ctx, enrollment_pk):
    """(kind, ref, source, text) the teacher could cite, as coursework.evidence offers them."""
    pool = []
    for goal in ctx.made["goals"].get(enrollment_pk, []):
        source = goal.source.title if goal.source else f"{goal.level.capitalize()} goal"
        pool.append(("goal", f"goal:{goal.pk}", source, goal.statement))
    for practice, level, note in ctx.made["strengths"].get(enrollment_pk, []):
        body = f"{practice.statement} (rated {level.label})" + (f" — {note}" if note else "")
        pool.append(("strength", f"practice:{practice.pk}", f"Self-reflection: {practice.domain.name}", body))
    meeting, opportunities = ctx.made["interviews"].get(enrollment_pk, (None, []))
    for opportunity in opportunities:
        source = f"First meeting with {meeting.attendee_name}"
        pool.append(("interview", f"opportunity:{opportunity.pk}", source, opportunity.text))
    for reflection in ctx.made["insights"].get(enrollment_pk, []):
        pool.append(("insight", f"reflection:{reflection.pk}", "Mindsets — insight", reflection.text[:600]))
    return pool


@filler("focus areas and evidence")
def focus_areas(ctx):
    from partnerships.models import FocusArea, FocusAreaEvidence

    rng = ctx.rng
    S = FocusArea.Status
    areas, plans = [], []
    for row in ctx.rows():
        state = ctx.progress(row.enrollment, "focus-areas")
        if state is None:
            continue
        second = ctx.progress(row.enrollment, "second-meeting")
        themes = ctx.made["themes"][row.enrollment.pk]
        count = rng.randint(2, 3) if state == "done" else rng.randint(1, 3)
        chosen = rng.randrange(count) if second == "done" else None
        for n, theme in enumerate(themes[:count]):
            thread = "draft" if state == "partial" else rng.choices(THREADS, THREAD_WEIGHTS)[0]
            if second is None and thread != "draft" and rng.random() < 0.5:
                thread = "none"  # the administrator has not opened the review yet
            status = {
                "draft": S.DRAFT,
                "none": S.SHARED,
                "comment": S.SHARED,
                "question": S.CLARIFICATION_REQUESTED,
                "answered": S.CLARIFICATION_REQUESTED,
                "revised": S.REVISED,
            }[thread]
            if chosen is not None:
                status = S.SELECTED if n == chosen else S.SET_ASIDE
            students, teachers, community = theme.serves
            area = FocusArea(
                partnership=row.partnership,
                title=theme.title,
                need=theme.revised_need if thread == "revised" else theme.need,
                serves_students=students,
                serves_teachers=teachers,
                serves_community=community,
                rationale=theme.rationale if rng.random() < 0.9 else "",
                status=status,
                version=2 if thread == "revised" else 1,
                created_by=row.teacher,
                shared_at=None if thread == "draft" else ctx.stage_time(row.enrollment, "focus-areas", hours=-20),
            )
            areas.append(area)
            plans.append((row, theme, thread, area))
    bulk(FocusArea, areas)

    evidence, history = [], []
    for row, theme, thread, area in plans:
        pool = _evidence_pool(ctx, row.enrollment.pk)
        # Cite what belongs to this area's theme first (its goals, its interview
        # opportunity), then a strength or an insight or two.
        own = {theme.school_goal, theme.district_goal, theme.opportunity}
        mine = [item for item in pool if item[3] in own]
        rest = [item for item in pool if item[3] not in own]
        wanted = rng.randint(1 if thread == "draft" else 2, 4)
        cited = mine[:wanted] + rng.sample(rest, min(len(rest), max(0, wanted - len(mine))))
        for kind, ref, source, body in cited:
            evidence.append(
                FocusAreaEvidence(
                    focus_area=area, kind=kind, ref=ref, source=source[:200], text=body, added_by=row.teacher
                )
            )
        history += _history(ctx, row, theme, thread, area)
    bulk(FocusAreaEvidence, evidence)
    bulk(history_model(FocusArea)[0], history)
    ctx.made["focus_plans"] = plans
    ctx.made["selected"] = {row.enrollment.pk: area for row, _, _, area in plans if area.status == S.SELECTED}
    return len(areas) + len(evidence) + len(history)


def _history(ctx, row, theme, thread, area):
    """The area's saves in order: drafted, shared, questioned, revised, chosen."""
    from partnerships.models import FocusArea

    S = FocusArea.Status
    t0 = ctx.stage_time(row.enrollment, "focus-areas", hours=60)
    v1 = {"version": 1, "need": theme.need}
    rows = [history_row(FocusArea, area, when=t0, user_id=row.teacher.pk, status=S.DRAFT, shared_at=None, **v1)]
    if thread == "draft":
        return rows
    rows.append(
        history_row(FocusArea, area, when=area.shared_at, user_id=row.teacher.pk, kind="~", status=S.SHARED, **v1)
    )
    if thread in ("question", "answered", "revised"):
        rows.append(
            history_row(
                FocusArea,
                area,
                when=area.shared_at + timedelta(hours=18),  # with the question
                user_id=row.admin.pk,
                kind="~",
                status=S.CLARIFICATION_REQUESTED,
                **v1,
            )
        )
    if thread == "revised":
        rows.append(
            history_row(
                FocusArea,
                area,
                when=area.shared_at + timedelta(hours=40),
                user_id=row.teacher.pk,
                kind="~",
                status=S.REVISED,
            )
        )
    if area.status in (S.SELECTED, S.SET_ASIDE):
        when = ctx.stage_time(row.enrollment, "second-meeting", hours=6)  # when the choice was confirmed
        rows.append(history_row(FocusArea, area, when=when, user_id=row.admin.pk, kind="~"))
    return rows


@filler("review comments")
def review_comments(ctx):
    """Comments, clarification questions and answers on the shared focus areas."""
    from partnerships.models import Comment

    rng = ctx.rng
    top, replies = [], []
    for row, theme, thread, area in ctx.made["focus_plans"]:
        if thread in ("draft", "none"):
            continue
        at = area.shared_at + timedelta(hours=18)
        if thread == "comment" or rng.random() < 0.4:
            top.append(
                Comment(
                    focus_area=area,
                    author=row.admin,
                    kind="comment",
                    body=rng.choice(text.ADMIN_COMMENTS),
                    focus_version=1,
                    created_at=at - timedelta(hours=2),
                )
            )
        if thread == "comment":
            continue
        question = Comment(
            focus_area=area,
            author=row.admin,
            kind="question",
            body=theme.question,
            focus_version=1,
            created_at=at,
            resolved=thread == "revised",
            resolved_by=row.admin if thread == "revised" else None,
            resolved_at=at + timedelta(hours=30) if thread == "revised" else None,
        )
        top.append(question)
        if thread in ("answered", "revised"):
            replies.append((question, row.teacher, "answer", theme.answer, 1, at + timedelta(hours=6)))
        if thread == "revised" and rng.random() < 0.6:
            replies.append(
                (
                    question,
                    row.admin,
                    "comment",
                    "Thanks — the revised need is much clearer.",
                    2,
                    at + timedelta(hours=32),
                )
            )
        if rng.random() < 0.3:
            top.append(
                Comment(
                    focus_area=area,
                    author=row.teacher,
                    kind="comment",
                    body=rng.choice(text.TEACHER_COMMENTS),
                    focus_version=area.version,
                    created_at=at + timedelta(hours=36),
                )
            )
    bulk(Comment, top)
    answers = [
        Comment(
            focus_area_id=parent.focus_area_id,
            parent=parent,
            author=author,
            kind=kind,
            body=body,
            focus_version=version,
            created_at=when,
        )
        for parent, author, kind, body, version, when in replies
    ]
    bulk(Comment, answers)
    return len(top) + len(answers)
