"""Thought-partner collaboratives: groups of about five teachers of one cohort, their
posts (some sharing a snapshot of stage work) and tagged replies."""

from datetime import timedelta

from bench.fillers import text
from bench.fillers.base import bulk, filler

NAMES = (
    "Librarians and coaches",
    "Thought partners",
    "Reading allies",
    "The inquiry circle",
    "Tuesday group",
    "Critical friends",
    "North wing",
    "Data and stories",
)
PROMPTS = (
    "What is one assumption about your administrator you want to test before the second meeting?",
    "Share one outcome from your plan and ask the group how they would measure it.",
    "What did your first meeting teach you that you did not expect?",
)


@filler("collaboratives")
def collaboratives(ctx):
    from coursework.collaboratives.forms import DEFAULT_NORMS
    from coursework.models import Collaborative, CollaborativeMembership

    rng = ctx.rng
    by_cohort = {}
    for row in ctx.rows():
        by_cohort.setdefault(row.enrollment.cohort_id, []).append(row)
    groups, members = [], []
    for cohort_rows in by_cohort.values():
        cohort_rows = cohort_rows[:]
        rng.shuffle(cohort_rows)
        # About four in five teachers join one; the rest have not yet.
        joined = cohort_rows[: len(cohort_rows) * 4 // 5]
        for start in range(0, len(joined) - 2, 5):
            people = joined[start : start + 5]
            group = Collaborative(
                cohort_id=people[0].enrollment.cohort_id,
                name=f"{rng.choice(NAMES)} {start // 5 + 1}",
                norms=DEFAULT_NORMS,
                prompt=rng.choice(PROMPTS) if rng.random() < 0.7 else "",
                prompt_set_at=ctx.now - timedelta(days=rng.randint(0, 6)),
                created_by=people[0].instructor,
            )
            groups.append((group, people))
    bulk(Collaborative, [g for g, _ in groups])
    for group, people in groups:
        for n, row in enumerate(people):
            # Assigned by the instructor; one member may not have agreed to the norms yet.
            agreed = n < len(people) - 1 or rng.random() < 0.7
            members.append(
                CollaborativeMembership(
                    collaborative=group,
                    user=row.teacher,
                    joined_at=ctx.now - timedelta(days=14),
                    agreed_to_norms_at=ctx.now - timedelta(days=13) if agreed else None,
                )
            )
    bulk(CollaborativeMembership, members)
    ctx.made["collaboratives"] = groups
    return len(groups) + len(members)


def _snapshot(ctx, row):
    """A read-only copy of stage work, as a post that shares one stores it."""
    from coursework.stages.registry import STAGES

    if "areas" not in ctx.made:
        ctx.made["areas"] = {}
        for r, _, _, area in ctx.made.get("focus_plans", []):
            ctx.made["areas"].setdefault(r.enrollment.pk, []).append(area)
    areas = ctx.made["areas"].get(row.enrollment.pk)
    if areas and ctx.rng.random() < 0.5:
        area = areas[0]
        return "focus-area", area.title, f"Need: {area.need}\n\nWhy it matters here: {area.rationale}"
    done = min(ctx.reached[row.enrollment.pk], len(STAGES))
    return "progress", "Where I am in the unit", f"{done} of {len(STAGES)} stages complete."


@filler("posts and replies")
def posts(ctx):
    from coursework.models import Post, Reply

    rng = ctx.rng
    made, replies = [], []
    for group, people in ctx.made["collaboratives"]:
        for _ in range(rng.randint(1, 6)):
            author = rng.choice(people)
            shared = _snapshot(ctx, author) if rng.random() < 0.3 else ("", "", "")
            post = Post(
                collaborative=group,
                author=author.teacher,
                body=rng.choice(text.POSTS),
                link_url="https://www.ala.example.org/advocacy" if rng.random() < 0.1 else "",
                shared_kind=shared[0],
                shared_title=shared[1],
                shared_text=shared[2],
                created_at=ctx.now - timedelta(days=rng.randint(0, 12), hours=rng.randint(0, 23)),
            )
            made.append(post)
            others = [p for p in people if p is not author]
            for k in range(rng.randint(0, min(4, len(others)))):
                tag = rng.choice(("challenge", "question", "idea", "support", ""))
                replies.append(
                    Reply(
                        post=post,
                        author=others[k].teacher,
                        tag=tag,
                        body=rng.choice(text.REPLIES[tag or "support"]),
                        created_at=min(post.created_at + timedelta(hours=3 + 5 * k), ctx.now),
                    )
                )
    bulk(Post, made)
    bulk(Reply, replies)
    return len(made) + len(replies)
