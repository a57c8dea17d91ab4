"""Reflection prompts per cohort and stage, and a teacher's versioned answers to them."""

from django.db import models
from simple_history.models import HistoricalRecords

from coursework.courses.models import Cohort, Enrollment
from coursework.stages.registry import STAGE_CHOICES

# Long enough for a thorough answer (about 3,000 words), short enough to keep pages and
# history rows reasonable. Longer text is refused with a clear message, never cut.
MAX_REFLECTION_CHARS = 20_000


class PromptQuerySet(models.QuerySet):
    def for_stage(self, cohort, stage):
        return self.filter(cohort=cohort, stage=stage).order_by("position", "id")


class Prompt(models.Model):
    """One question a cohort asks its teachers in a reflection stage (editable in admin)."""

    class Kind(models.TextChoices):
        MINDSET = "mindset", "Mindset"
        OWN_VIEW = "own_view", "Perceptual position — your own view"
        ADMINISTRATOR_VIEW = "administrator_view", "Perceptual position — the administrator’s view"
        OBSERVER_VIEW = "observer_view", "Perceptual position — an observer’s view"
        NORMS = "norms", "Norms"
        HABITS = "habits", "Habits of mind"
        REFLECTION = "reflection", "Reflection"

    class LookBack(models.TextChoices):
        """Earlier work shown beside a question that asks the teacher to look back at it."""

        NOTHING = "", "Nothing"
        MINDSETS = "mindsets", "Your stage 1 answers"
        SELF_REFLECTION = "self_reflection", "Your strengths and areas for growth"
        PARTNERSHIP = "partnership", "The partnership so far (meetings, decisions, touch points)"
        PLAN = "plan", "The chosen focus area and the action plan"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="prompts")
    stage = models.CharField(max_length=30, choices=STAGE_CHOICES)
    position = models.PositiveSmallIntegerField(default=1)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.REFLECTION)
    text = models.TextField(help_text="The question as teachers see it, e.g. “What norms shape …?”")
    looks_back = models.CharField(
        "shows beside it",
        max_length=20,
        choices=LookBack.choices,
        blank=True,
        default="",
        help_text="Earlier work of the teacher's shown next to this question.",
    )

    objects = PromptQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "stage", "position", "id"]
        indexes = [models.Index(fields=["cohort", "stage", "position"])]

    def __str__(self):
        return f"{self.get_stage_display()} {self.position}: {self.text[:60]}"


class Reflection(models.Model):
    """A teacher's answer to one prompt in one enrollment.

    `version` counts saves (1 for the first); every save is kept in `history`, so an
    earlier version can be read and restored. Writes go through coursework.reflections.
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="reflections")
    # PROTECT: deleting a prompt in admin must never delete a teacher's answers to it.
    prompt = models.ForeignKey(Prompt, on_delete=models.PROTECT, related_name="reflections")
    text = models.TextField(blank=True)
    carry_forward = models.BooleanField(
        "insight worth carrying forward",
        default=False,
        help_text="Offered later as evidence for focus areas.",
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["enrollment", "prompt__position", "prompt_id"]
        constraints = [models.UniqueConstraint(fields=["enrollment", "prompt"], name="one_reflection_per_prompt")]

    def __str__(self):
        return f"{self.enrollment}: {self.prompt}"
