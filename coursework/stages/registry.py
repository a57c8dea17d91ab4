"""The unit's eight stages, defined in code: their order and slugs are stable."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stage:
    number: int
    slug: str
    title: str
    short_title: str
    purpose: str
    good_looks_like: str
    minutes: str
    draws_on: tuple = field(default_factory=tuple)


STAGES = (
    Stage(
        1,
        "mindsets",
        "Mindsets, perspectives and habits of mind",
        "Mindsets",
        "Look back at your notes on mindsets, perceptual positions, norms and habits of "
        "mind, and say what they mean for the partnership you are about to build.",
        "Specific answers tied to your school; seeing the work from your administrator's "
        "chair as well as your own; two or three insights you mark to carry forward.",
        "30–45 minutes",
    ),
    Stage(
        2,
        "self-reflection",
        "Professional self-reflection",
        "Self-reflection",
        "Rate your practice against the framework and name the strengths you bring and "
        "the areas where you want to grow.",
        "Honest ratings with a line of evidence for each; two or three strengths and two "
        "or three growth areas you could explain to your administrator.",
        "45–60 minutes",
    ),
    Stage(
        3,
        "research",
        "School and district goals",
        "Research",
        "Read what your school and district say they are working towards — strategic "
        "plans, board minutes, newsletters, data reports — and note the goals you find.",
        "Several sources of different kinds, each with a date and a note; goals written in "
        "the plan's own words at school and district level.",
        "60–90 minutes",
    ),
    Stage(
        4,
        "first-meeting",
        "First meeting: the administrator interview",
        "First meeting",
        "Meet your administrator to listen: what matters to them, what they see as needs, "
        "where they would welcome help.",
        "A scheduled meeting, questions prepared in advance, notes per question and a "
        "shortlist of opportunities or needs that came out of it.",
        "30 minutes to prepare, 30–45 minutes to meet",
        ("mindsets", "self-reflection", "research"),
    ),
    Stage(
        5,
        "focus-areas",
        "Focus areas",
        "Focus areas",
        "Lay all your inputs side by side and narrow them to two or three partially-baked "
        "focus areas, each answering a local need.",
        "Each focus area names the need, who it serves and why it matters here, with "
        "evidence from your goals, strengths and the interview.",
        "60 minutes",
        ("mindsets", "self-reflection", "research", "first-meeting"),
    ),
    Stage(
        6,
        "second-meeting",
        "Second meeting: review and choose",
        "Second meeting",
        "Your administrator reviews the focus areas, asks what is unclear, and together you choose one.",
        "Questions answered in the open, revisions kept, and one focus area chosen and "
        "confirmed by both of you with a rationale.",
        "30 minutes to prepare, 30–45 minutes to meet",
        ("focus-areas",),
    ),
    Stage(
        7,
        "action-plan",
        "Action plan",
        "Action plan",
        "Turn the chosen focus area into a plan you and your administrator co-own, with "
        "outcomes you can measure and touch points to review them.",
        "A clear goal, outcomes with baseline, target and date, owned steps with due "
        "dates, the stakeholders involved and a review schedule.",
        "90 minutes, often over several sessions",
        ("second-meeting",),
    ),
    Stage(
        8,
        "final-reflection",
        "Final reflection and course evaluation",
        "Final reflection",
        "Reflect on what you learned about building a partnership and tell us how the course worked for you.",
        "A candid reflection on what changed in your thinking and what comes next, and "
        "an evaluation with comments we can act on.",
        "30 minutes",
        ("action-plan",),
    ),
)

STAGE_BY_SLUG = {stage.slug: stage for stage in STAGES}
STAGE_SLUGS = tuple(stage.slug for stage in STAGES)
STAGE_CHOICES = [(stage.slug, stage.short_title) for stage in STAGES]


def get_stage(slug):
    return STAGE_BY_SLUG.get(slug)


def stage_module_name(slug):
    """Each stage's work area, submit check and evidence live in coursework/stages/<slug>.py."""
    return f"coursework.stages.{slug.replace('-', '_')}"


def load_stage_modules():
    """Import every stage's module, which registers its work area, check and evidence."""
    from importlib import import_module

    for stage in STAGES:
        import_module(stage_module_name(stage.slug))
