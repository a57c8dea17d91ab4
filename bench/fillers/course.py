"""Stage 8 and the instructor's side: final reflections, course evaluations, feedback."""

from datetime import timedelta

from bench.fillers import text
from bench.fillers.base import bulk, filler
from bench.fillers.inputs import answer_prompts


@filler("final reflections")
def final_reflections(ctx):
    return answer_prompts(ctx, "final-reflection")[1]


@filler("course evaluations")
def evaluations(ctx):
    from coursework.models import CourseEvaluation

    rng = ctx.rng
    made = []
    for row in ctx.rows():
        state = ctx.progress(row.enrollment, "final-reflection")
        if state != "done" and not (state == "partial" and rng.random() < 0.3):
            continue
        # Most teachers are positive; workload is the usual complaint.
        ratings = {
            name: rng.choices((1, 2, 3, 4, 5), weights)[0]
            for name, weights in (
                ("clarity", (1, 2, 4, 8, 6)),
                ("relevance", (1, 1, 3, 8, 8)),
                ("partnership", (1, 2, 4, 8, 5)),
                ("feedback", (1, 2, 3, 7, 7)),
                ("workload", (2, 5, 6, 5, 2)),
                ("recommend", (1, 1, 3, 7, 9)),
            )
        }
        made.append(
            CourseEvaluation(
                enrollment=row.enrollment,
                comment_worked=rng.choice(text.EVAL_WORKED) if rng.random() < 0.8 else "",
                comment_change=rng.choice(text.EVAL_CHANGE),
                submitted_at=ctx.now - timedelta(days=rng.randint(0, 3), hours=rng.randint(0, 23)),
                **ratings,
            )
        )
    bulk(CourseEvaluation, made)
    return len(made)


@filler("instructor feedback")
def feedback(ctx):
    """Feedback on finished stages: a decision when the stage was marked complete or sent
    back for revision, and now and then a plain comment."""
    from coursework.models import Feedback
    from coursework.stages.registry import STAGES

    rng = ctx.rng
    made = []
    for row in ctx.rows():
        reached = ctx.reached[row.enrollment.pk]
        for n, stage in enumerate(STAGES[:reached]):
            if n < reached - 1 and rng.random() < 0.5:
                continue  # not every completed stage got written feedback
            last = n == reached - 1
            decision = "needs_revision" if last and rng.random() < 0.25 else ("complete" if rng.random() < 0.8 else "")
            made.append(
                Feedback(
                    enrollment=row.enrollment,
                    stage=stage.slug,
                    author=row.instructor,
                    text=text.FEEDBACK[n % len(text.FEEDBACK)],
                    decision=decision,
                )
            )
    bulk(Feedback, made)
    return len(made)
