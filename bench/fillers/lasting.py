"""What keeps a partnership going: stakeholders, the agreement, touch points with their
readings and health checks, external partners — and the partnership status that follows."""

from datetime import timedelta

from bench.fillers import text
from bench.fillers.base import bulk, filler
from bench.fillers.meetings import PLACES, ZONES, _start

RELATIONSHIPS = ("Strong; we meet often.", "Friendly but occasional.", "New — first contact this term.", "")
CADENCES = (
    "Every other Tuesday, 30 minutes",
    "Once a month after the leadership meeting",
    "Every three weeks, 45 minutes",
)
NORMS_TIME = (
    "We start and end on time and send the agenda a day before.",
    "Thirty minutes, never more, unless we agree.",
)
NORMS_TALK = (
    "A short email after each meeting with decisions and owners.",
    "Open questions go in the shared doc, not the hallway.",
)
NORMS_DECIDE = (
    "We decide together; if we disagree, we try the smaller option first.",
    "The principal decides on budget; we decide the rest together.",
)


@filler("stakeholders and partners")
def stakeholders(ctx):
    from partnerships.models import ExternalPartner, Stakeholder

    rng = ctx.rng
    people, partners = [], []
    for row, state, _plan, theme in ctx.made["plans"]:
        wanted = list(theme.stakeholders)
        if all(group != "principal" for _, group, _, _ in wanted):
            wanted.append(
                ("school", "principal", row.admin.get_full_name(), "Co-owns the plan and protects time for it")
            )
        for level, group, name, role in wanted[: len(wanted) if state == "done" else rng.randint(1, 2)]:
            people.append(
                Stakeholder(
                    partnership=row.partnership,
                    level=level,
                    group=group,
                    name=name,
                    relationship=rng.choice(RELATIONSHIPS),
                    role_in_plan=role if rng.random() < 0.85 else "",
                    engaged=rng.random() < 0.5,
                )
            )
        if rng.random() < (0.5 if state == "done" else 0.2):
            name, kind, role, need = theme.partner
            partners.append(
                ExternalPartner(
                    partnership=row.partnership,
                    name=name,
                    kind=kind,
                    role=role,
                    need=need,
                    goals=theme.school_goal,
                    process="Two planning meetings, then a check-in each month.",
                    expectations="They bring expertise; we bring students, space and time.",
                    judging="Against the plan's outcomes at each touch point.",
                )
            )
    bulk(Stakeholder, people)
    bulk(ExternalPartner, partners)
    return len(people) + len(partners)


@filler("agreements")
def agreements(ctx):
    """The commitment to collaborate, confirmed by both partners when the plan is done.

    The partnership's status follows: forming until both confirm, then committed, and
    active or reviewing once the teacher has finished the unit.
    """
    from partnerships.models import Agreement, AgreementConfirmation, Partnership

    rng = ctx.rng
    made, confirmations, status = [], [], {}
    for row in ctx.rows():
        status[row.partnership.pk] = "forming"
    for row, state, plan, theme in ctx.made["plans"]:
        if state == "partial" and rng.random() < 0.4:
            continue
        agreement = Agreement(
            partnership=row.partnership,
            shared_goals=plan.goal or theme.school_goal,
            norm_time=rng.choice(NORMS_TIME),
            norm_communication=rng.choice(NORMS_TALK),
            norm_decisions=rng.choice(NORMS_DECIDE),
            meeting_cadence=rng.choice(CADENCES),
            version=rng.randint(1, 3),
        )
        made.append(agreement)
        both = state == "done"
        finished = ctx.progress(row.enrollment, "final-reflection") == "done"
        status[row.partnership.pk] = (
            (rng.choice(("active", "reviewing")) if finished else "committed") if both else "forming"
        )
        for user in (row.teacher, row.admin) if both else (row.teacher,):
            confirmations.append((agreement, user, ctx.stage_time(row.enrollment, "action-plan", hours=-10)))
    bulk(Agreement, made)
    rows = bulk(
        AgreementConfirmation,
        [
            AgreementConfirmation(agreement=a, user=u, agreement_version=a.version, confirmed_at=at)
            for a, u, at in confirmations
        ],
    )
    # One UPDATE per status rather than one per partnership.
    by_status = {}
    for pk, value in status.items():
        by_status.setdefault(value, []).append(pk)
    for value, pks in by_status.items():
        for i in range(0, len(pks), 5000):
            Partnership.objects.filter(pk__in=pks[i : i + 5000]).update(status=value)
    return len(made) + len(rows)


@filler("touch points and readings")
def touch_points(ctx):
    from partnerships.models import OutcomeReading, TouchPoint

    rng = ctx.rng
    points, readings = [], []
    for row, state, plan, _theme in ctx.made["plans"]:
        recorded, outcomes = ctx.made["readings"][plan.pk]
        upcoming = rng.randint(1, 3) if state == "done" else rng.randint(0, 1)
        missed = state == "done" and rng.random() < 0.15
        zone, place = rng.choice(ZONES), rng.choice(PLACES)
        started = ctx.stage_time(row.enrollment, "action-plan", hours=48)
        for n in range(recorded + missed + upcoming):
            held = n < recorded
            if n < recorded + missed:  # held (or missed) since the plan was made, evenly spaced
                when = started + (ctx.now - started) * (n + 1) / (recorded + missed + 1)
            else:
                when = ctx.now + timedelta(days=14 * (n - recorded - missed) + rng.randint(2, 9))
            when = _start(rng, when)
            point = TouchPoint(
                partnership=row.partnership,
                title="First review" if n == 0 else f"Review {n + 1}",
                scheduled_at=when,
                time_zone=zone,
                location=place,
                duration_minutes=rng.choice((30, 45)),
                version=2 if held else 1,
            )
            if held:
                point.recorded_at = when + timedelta(hours=2)
                point.recorded_by = rng.choice((row.teacher, row.admin))
                for name in (
                    "trust",
                    "transparency",
                    "communication",
                    "honest_assessment",
                    "time_respected",
                    "relevance",
                ):
                    setattr(point, name, rng.choices((2, 3, 4, 5), (1, 3, 5, 3))[0])
                point.reflections = rng.choice(text.TOUCH_REFLECTIONS)
                point.next_steps = "\n".join(f"- {s}" for s in rng.sample(text.NEXT_STEPS, 2))
                readings += [(point, outcome, values[n]) for outcome, values in outcomes]
            points.append(point)
    bulk(TouchPoint, points)
    made = bulk(OutcomeReading, [OutcomeReading(touch_point=p, outcome=o, value=v) for p, o, v in readings])
    return len(points) + len(made)
