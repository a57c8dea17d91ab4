"""Stages 1–3: reflection prompts and answers, the self-assessment, research."""

from datetime import timedelta

from bench.fillers import text
from bench.fillers.base import bulk, filler, history_model, history_row
from bench.fillers.themes import THEMES


@filler("reflection prompts")
def prompts(ctx):
    """Each cohort's copy of the default prompts (cohort_prompts_seed, in bulk)."""
    from coursework.models import Prompt
    from coursework.reflections.defaults import prompt_rows

    made = bulk(
        Prompt,
        [
            Prompt(cohort=cohort, stage=stage, position=position, kind=kind, text=prompt_text, looks_back=looks_back)
            for cohort in ctx.cohorts
            for stage, position, kind, prompt_text, looks_back in prompt_rows()
        ],
    )
    by_cohort = {}
    for prompt in made:
        by_cohort.setdefault(prompt.cohort_id, {}).setdefault(prompt.stage, []).append(prompt)
    ctx.made["prompts"] = by_cohort
    # Three themes per teacher: the thread through their goals, interview and focus areas.
    ctx.made["themes"] = {row.enrollment.pk: ctx.rng.sample(THEMES, 3) for row in ctx.rows()}
    return len(made)


def _versions(rng, final):
    """Earlier versions of an answer: the draft grew, so each is a prefix of the final text."""
    count = rng.choices((1, 2, 3, 5), weights=(5, 3, 2, 1))[0]
    words = final.split(" ")
    return [" ".join(words[: max(1, len(words) * n // count)]) for n in range(1, count)] + [final]


def answer_prompts(ctx, stage):
    """Answers (with their version history) for every teacher who reached `stage`."""
    from coursework.models import Reflection

    rng = ctx.rng
    reflections, drafts = [], []
    for row in ctx.rows():
        state = ctx.progress(row.enrollment, stage)
        if state is None:
            continue
        stage_prompts = ctx.made["prompts"][row.enrollment.cohort_id][stage]
        if state == "partial":
            stage_prompts = stage_prompts[: rng.randint(1, len(stage_prompts) - 1)]
        theme = ctx.made["themes"][row.enrollment.pk][0]
        values = text.values_for(row, theme)
        carry = set(rng.sample(range(len(stage_prompts)), min(3, len(stage_prompts)))) if stage == "mindsets" else ()
        started = ctx.stage_time(row.enrollment, stage, hours=72)
        for n, prompt in enumerate(stage_prompts):
            final = text.passage(rng, rng.choice(text.OPENINGS[prompt.kind]), values)
            versions = _versions(rng, final)
            reflection = Reflection(
                enrollment=row.enrollment, prompt=prompt, text=final, carry_forward=n in carry, version=len(versions)
            )
            reflections.append(reflection)
            drafts.append((reflection, versions, started + timedelta(minutes=7 * n), row.teacher.pk))
    bulk(Reflection, reflections)
    history = [
        history_row(
            Reflection,
            reflection,
            when=when + timedelta(hours=5 * number),
            user_id=user_id,
            kind="+" if number == 0 else "~",
            text=draft,
            version=number + 1,
            carry_forward=reflection.carry_forward and number == len(versions) - 1,
        )
        for reflection, versions, when, user_id in drafts
        for number, draft in enumerate(versions)
    ]
    bulk(history_model(Reflection)[0], history)
    return reflections, len(reflections) + len(history)


@filler("mindsets reflections")
def mindsets(ctx):
    reflections, count = answer_prompts(ctx, "mindsets")
    insights = {}
    for reflection in reflections:
        if reflection.carry_forward:
            insights.setdefault(reflection.enrollment_id, []).append(reflection)
    ctx.made["insights"] = insights
    return count


@filler("self-assessments")
def self_assessments(ctx):
    from coursework.models import ChosenPractice, Practice, Rating, SelfAssessment
    from coursework.selfassessment.frameworks import default_framework

    rng = ctx.rng
    framework = default_framework()
    practices = list(
        Practice.objects.filter(domain__framework=framework)
        .select_related("domain")
        .order_by("domain__position", "position")
    )
    levels = list(framework.levels.order_by("value"))
    rows = [(row, ctx.progress(row.enrollment, "self-reflection")) for row in ctx.rows()]
    rows = [(row, state) for row, state in rows if state]
    assessments = bulk(
        SelfAssessment, [SelfAssessment(enrollment=row.enrollment, framework=framework) for row, _ in rows]
    )
    ratings, choices, strengths = [], [], {}
    for (row, state), assessment in zip(rows, assessments, strict=True):
        rated = practices if state == "done" else practices[: rng.randint(1, len(practices) - 1)]
        mine = []
        for practice in rated:
            level = levels[rng.choices(range(len(levels)), weights=(2, 5, 5, 2))[0]]
            evidence = rng.choice(text.RATING_EVIDENCE) if rng.random() < 0.4 else ""
            mine.append((practice, level, evidence))
            ratings.append(
                Rating(
                    self_assessment=assessment,
                    practice=practice,
                    level=level,
                    evidence=evidence,
                    version=rng.randint(1, 3),
                )
            )
        if state != "done":
            continue
        ranked = sorted(mine, key=lambda item: (item[1].value, rng.random()))
        growth, best = ranked[: rng.randint(2, 3)], ranked[-rng.randint(2, 3) :]
        choices += [ChosenPractice(self_assessment=assessment, practice=p, kind="strength") for p, _, _ in best]
        choices += [ChosenPractice(self_assessment=assessment, practice=p, kind="growth_area") for p, _, _ in growth]
        strengths[row.enrollment.pk] = best
    bulk(Rating, ratings)
    bulk(ChosenPractice, choices)
    ctx.made["strengths"] = strengths
    return len(assessments) + len(ratings) + len(choices)


SOURCE_NOTES = (
    "Three priorities: literacy for every learner, digital equity, and family partnership.",
    "The board approved a take-home device pilot and asked for data on home internet access.",
    "Reading proficiency in grade 6 is 58%; the plan names independent reading time as a strategy.",
    "The principal's letter names attendance as the focus for the year.",
    "Budget discussion: library allocation flat; one-time funds available for equity projects.",
    "Climate survey results by grade, with a drop in belonging in grade 8.",
)


def _sources(rng, row, count):
    from coursework.models import ResearchSource

    district, school = row.teacher.district or "District", row.teacher.school or "Our school"
    site = "".join(ch for ch in district.lower() if ch.isalnum())[:24]
    kinds = (
        ("strategic_plan", f"{district} Strategic Plan 2025–2028", f"https://www.{site}.example.org/strategic-plan"),
        (
            "board_minutes",
            f"Board of Education minutes, {rng.choice(('September', 'October', 'November'))} 2026",
            f"https://www.{site}.example.org/board/minutes",
        ),
        ("data_report", f"{school} improvement plan 2026–27", ""),
        ("newsletter", f"{school} family newsletter, fall issue", ""),
        ("website", f"{district} — digital equity page", f"https://www.{site}.example.org/digital-equity"),
        ("other", "State report card for our school", "https://reportcard.example.gov/"),
    )
    picked = kinds[:3] + tuple(rng.sample(kinds[3:], count - 3)) if count > 3 else kinds[:count]
    return [
        ResearchSource(
            enrollment=row.enrollment,
            kind=kind,
            title=title,
            url=url,
            published_on=(row.enrollment.joined_at - timedelta(days=rng.randint(10, 300))).date(),
            notes=rng.choice(SOURCE_NOTES) if rng.random() < 0.85 else "",
        )
        for kind, title, url in picked
    ]


@filler("research sources and goals")
def research(ctx):
    from coursework.models import ResearchSource, StrategicGoal

    rng = ctx.rng
    per_row = []
    sources = []
    for row in ctx.rows():
        state = ctx.progress(row.enrollment, "research")
        if state is None:
            continue
        mine = _sources(rng, row, rng.randint(3, 6) if state == "done" else rng.randint(1, 2))
        sources += mine
        per_row.append((row, state, mine))
    bulk(ResearchSource, sources)
    goals, by_enrollment = [], {}
    for row, state, mine in per_row:
        themes = ctx.made["themes"][row.enrollment.pk]
        wanted = [(t.school_goal, "school") for t in themes] + [(t.district_goal, "district") for t in themes[:2]]
        if state == "partial":
            wanted = wanted[: rng.randint(0, 2)]
        for statement, level in wanted:
            source = mine[0] if level == "district" else mine[-1]
            goal = StrategicGoal(enrollment=row.enrollment, statement=statement, level=level, source=source)
            goals.append(goal)
            by_enrollment.setdefault(row.enrollment.pk, []).append(goal)
    bulk(StrategicGoal, goals)
    ctx.made["goals"] = by_enrollment
    return len(sources) + len(goals)
