"""Stage 7: the action plan from the selected focus area, with outcomes, steps, ideas and
comments, and the history the plan's history page reads."""

from datetime import timedelta
from decimal import Decimal

from bench.fillers import text
from bench.fillers.base import bulk, filler, history_model, history_row

COMMUNICATION = (
    "Monthly update at the staff meeting; a line in the family newsletter each term.",
    "A one-page summary to the leadership team after each touch point.",
    "Short email to the principal every other Friday; results shared at the spring board visit.",
)
ESTIMATES = ("2 hours", "1 hour a week", "2 hours a week for 4 weeks", "half a day", "")
RESOURCES = ("Survey form; 10 minutes of advisory time", "Book budget line", "Room and snacks", "", "")


def memberships_by_partnership(ctx):
    """{partnership pk: {role: Membership}} for the generated partnerships, in one query."""
    from partnerships.models import Membership

    if "memberships" not in ctx.made:
        pks = [p.pk for p in ctx.partnerships]
        found = {}
        if pks:
            rows = Membership.objects.filter(partnership_id__gte=min(pks), partnership_id__lte=max(pks))
            for m in rows.only("id", "partnership_id", "role", "user_id"):
                found.setdefault(m.partnership_id, {})[m.role] = m
        ctx.made["memberships"] = found
    return ctx.made["memberships"]


def _number(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


@filler("action plans")
def action_plans(ctx):
    from partnerships.models import ActionPlan

    rng = ctx.rng
    rows = []
    for row in ctx.rows():
        state = ctx.progress(row.enrollment, "action-plan")
        area = ctx.made["selected"].get(row.enrollment.pk)
        if state and area is not None:
            rows.append((row, state, area))
    themes = {area.pk: t for _, t, _, area in ctx.made["focus_plans"]}
    plans = []
    for row, state, area in rows:
        theme = themes[area.pk]
        outcome = theme.outcomes[0]
        has_goal = state == "done" or rng.random() < 0.7
        plans.append(
            ActionPlan(
                partnership=row.partnership,
                focus_area=area,
                goal=theme.goal.format(target=outcome[2]) if has_goal else "",
                communication=rng.choice(COMMUNICATION) if has_goal else "",
                created_by=row.teacher,
                version=rng.randint(1, 4) if has_goal else 1,
            )
        )
    bulk(ActionPlan, plans)
    ctx.made["plans"] = [
        (row, state, plan, themes[plan.focus_area_id]) for (row, state, _), plan in zip(rows, plans, strict=True)
    ]
    history = []
    for row, _state, plan, _theme in ctx.made["plans"]:
        start = ctx.stage_time(row.enrollment, "action-plan", hours=70)
        history.append(
            history_row(ActionPlan, plan, when=start, user_id=row.teacher.pk, goal="", communication="", version=1)
        )
        for v in range(2, plan.version + 1):
            who = row.teacher.pk if v % 2 else row.admin.pk
            history.append(
                history_row(ActionPlan, plan, when=start + timedelta(hours=6 * v), user_id=who, kind="~", version=v)
            )
    bulk(history_model(ActionPlan)[0], history)
    return len(plans) + len(history)


@filler("outcomes, steps, ideas")
def plan_items(ctx):
    from partnerships.models import Idea, Outcome, PlanComment, Step

    rng = ctx.rng
    members = memberships_by_partnership(ctx)
    outcomes, steps, ideas, comments, history = [], [], [], [], []
    for row, state, plan, theme in ctx.made["plans"]:
        done = state == "done"
        start = ctx.stage_time(row.enrollment, "action-plan", hours=60)
        mine = members.get(row.partnership.pk, {})
        # Touch points already held (recorded) each read every outcome; the latest
        # reading is the outcome's current value, as touch_point_record leaves it.
        recorded = rng.choice((0, 1, 1, 2, 3)) if done else 0
        readings = []
        for n, (measure, baseline, target, source) in enumerate(
            theme.outcomes[: rng.randint(2, 3) if done else rng.randint(0, 2)]
        ):
            values = [
                _number(baseline + (target - baseline) * rng.uniform(0.05, 0.35) * (k + 1)) for k in range(recorded)
            ]
            outcome = Outcome(
                plan=plan,
                measure=measure,
                baseline=_number(baseline),
                target=_number(target),
                target_date=ctx.today + timedelta(days=rng.randint(60, 240)),
                data_source=source,
                current_value=values[-1] if values else None,
                version=1 + len(values),
            )
            outcomes.append((outcome, row, start + timedelta(hours=n)))
            readings.append((outcome, values))
        ctx.made.setdefault("readings", {})[plan.pk] = (recorded, readings)
        for n, title in enumerate(theme.steps[: rng.randint(3, len(theme.steps)) if done else rng.randint(0, 3)]):
            # Due dates run from when the plan was started to a term ahead.
            due = ctx.today + timedelta(days=rng.randint(-(ctx.now - start).days, 90))
            past = due < ctx.today
            status = rng.choices(
                ("done", "in_progress", "blocked", "not_started"), (6, 2, 1, 1) if past else (1, 3, 1, 5)
            )[0]
            owner = mine.get(rng.choice(("lead_teacher", "lead_teacher", "administrator")))
            named = owner is None or rng.random() < 0.15
            # Now and then a step was deleted lately, so "Recently deleted" has something to restore.
            deleted = rng.random() < 0.04
            steps.append(
                (
                    Step(
                        plan=plan,
                        title=title,
                        owner_member=None if named else owner,
                        owner_name=rng.choice(("Grade-level leads", "PTA president", "Counselors")) if named else "",
                        due_date=due,
                        status=status,
                        time_estimate=rng.choice(ESTIMATES),
                        resources=rng.choice(RESOURCES),
                        version=rng.randint(1, 3) + deleted,
                        deleted_at=start + (ctx.now - start) * rng.uniform(0.6, 0.95) if deleted else None,
                        deleted_by=row.teacher if deleted else None,
                    ),
                    row,
                    start + timedelta(hours=3 + n),
                )
            )
        for n, idea in enumerate(rng.sample(text.IDEAS, rng.randint(0, 3))):
            ideas.append(
                (
                    Idea(plan=plan, text=idea, author=rng.choice((row.teacher, row.admin))),
                    row,
                    start + timedelta(hours=9 + n),
                )
            )
        for n, body in enumerate(rng.sample(text.PLAN_COMMENTS, rng.randint(0, 4) if done else rng.randint(0, 1))):
            comments.append(
                (
                    PlanComment(plan=plan, text=body, author=rng.choice((row.teacher, row.admin))),
                    row,
                    start + timedelta(hours=12 + 5 * n),
                )
            )
    for model, items in ((Outcome, outcomes), (Step, steps), (Idea, ideas), (PlanComment, comments)):
        bulk(model, [item for item, _, _ in items])
        rows = [h for item, row, when in items for h in _item_history(model, item, row, when, ctx.now)]
        bulk(history_model(model)[0], rows)
        history += rows
    ctx.made["outcomes"] = [(item, row) for item, row, _ in outcomes]
    return len(outcomes) + len(steps) + len(ideas) + len(comments) + len(history)


def _item_history(model, item, row, when, now):
    """Created at version 1 by the author, then edited by either partner up to its version."""
    author = getattr(item, "author_id", None) or row.teacher.pk
    version = getattr(item, "version", 1)
    first = {"version": 1} if hasattr(item, "version") else {}
    if model.__name__ == "Step":
        first.update(status="not_started", deleted_at=None, deleted_by_id=None)
    if model.__name__ == "Outcome":
        first.update(current_value=None)  # readings come with the touch points, later
    out = [history_row(model, item, when=when, user_id=author, **first)]
    for v in range(2, version + 1):
        who = row.admin.pk if v % 2 == 0 else row.teacher.pk
        extra = {"deleted_at": None, "deleted_by_id": None} if v < version else {}
        at = when + (now - when) * (v - 1) / version  # edits spread between creation and now
        if v == version and getattr(item, "deleted_at", None):
            at = item.deleted_at
        out.append(history_row(model, item, when=at, user_id=who, kind="~", version=v, **extra))
    return out
