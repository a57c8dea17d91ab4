"""The course's default reflection prompts, copied into each new cohort.

Instructors edit a cohort's copy in admin (Cohort → prompts); changing these defaults
affects cohorts created afterwards only.
"""

from coursework.models import Prompt

Kind = Prompt.Kind
LookBack = Prompt.LookBack

DEFAULT_PROMPTS = {
    "mindsets": [
        (
            Kind.MINDSET,
            "Which mindset do you bring to working with your administrator right now — for example "
            "seeing them as a gatekeeper, a client, a supervisor or a partner? Where does that mindset come from?",
        ),
        (
            Kind.MINDSET,
            "Describe a moment this year when a shift in your own mindset changed how a conversation "
            "with a colleague or a school leader went. What did you do differently?",
        ),
        (
            Kind.OWN_VIEW,
            "From your own position: what do you most want a partnership with your administrator to "
            "achieve for students, and what worries you about starting it?",
        ),
        (
            Kind.ADMINISTRATOR_VIEW,
            "Sit in your administrator’s chair. What pressures, goals and constraints shape their week? "
            "What would make a partnership with you worth their time?",
        ),
        (
            Kind.OBSERVER_VIEW,
            "Step outside and watch the two of you talk, as an observer would. What do you notice about "
            "how each of you listens, what each of you assumes, and where you already agree?",
        ),
        (
            Kind.NORMS,
            "Which norms — spoken or unspoken — shape how staff and leaders work together at your school? "
            "Which would you want to agree on openly with your administrator?",
        ),
        (
            Kind.HABITS,
            "Choose two habits of mind (for example listening with understanding and empathy, thinking "
            "flexibly, questioning and posing problems, persisting). How will each help this partnership?",
        ),
        (
            Kind.HABITS,
            "Which habit of mind is hardest for you to practise under pressure, and what will you do to "
            "keep it in view during your meetings?",
        ),
    ],
    "final-reflection": [
        (
            Kind.REFLECTION,
            "Look back at your mindsets and perceptual positions from stage 1. What changed in how you "
            "see your administrator and your own role in school leadership?",
            LookBack.MINDSETS,
        ),
        (
            Kind.REFLECTION,
            "What did your two meetings teach you about building trust, being transparent and making "
            "decisions together?",
            LookBack.PARTNERSHIP,
        ),
        (
            Kind.REFLECTION,
            "Which part of your action plan are you most confident about, and which measurable outcome "
            "will be hardest to reach? Why?",
            LookBack.PLAN,
        ),
        (
            Kind.REFLECTION,
            "What will keep the partnership going after the course ends — the next touch point, the "
            "people involved, the habits you will keep?",
            LookBack.PARTNERSHIP,
        ),
        (
            Kind.REFLECTION,
            "What advice would you give a colleague who is about to start a partnership with their school leader?",
            LookBack.SELF_REFLECTION,
        ),
    ],
}


def prompt_rows(defaults=None):
    """(stage, position, kind, text, looks_back) for every default prompt, in order."""
    for stage, prompts in (DEFAULT_PROMPTS if defaults is None else defaults).items():
        for position, (kind, text, *rest) in enumerate(prompts, start=1):
            yield stage, position, kind, text, rest[0] if rest else LookBack.NOTHING
