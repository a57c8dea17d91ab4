"""The self-reflection framework (data, not code) and a teacher's self-assessment."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from coursework.courses.models import Cohort, Enrollment


class Framework(models.Model):
    """A self-reflection framework: domains of practices and the levels to rate them."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    is_default = models.BooleanField(
        default=False, help_text="Used by every cohort that has not chosen another framework."
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Domain(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="domains")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["framework", "position"]
        constraints = [models.UniqueConstraint(fields=["framework", "position"], name="one_domain_per_position")]

    def __str__(self):
        return self.name


class Practice(models.Model):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="practices")
    position = models.PositiveSmallIntegerField()
    statement = models.TextField()

    class Meta:
        ordering = ["domain__position", "position"]
        constraints = [models.UniqueConstraint(fields=["domain", "position"], name="one_practice_per_position")]

    def __str__(self):
        return self.statement


class RatingLevel(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="levels")
    value = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])
    label = models.CharField(max_length=60)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["framework", "value"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "value"], name="one_level_per_value"),
            models.CheckConstraint(condition=models.Q(value__gte=1, value__lte=4), name="level_value_1_to_4"),
        ]

    def __str__(self):
        return f"{self.value} — {self.label}"


class CohortFramework(models.Model):
    """The framework a cohort uses; without one, the default framework applies."""

    cohort = models.OneToOneField(Cohort, on_delete=models.CASCADE, related_name="framework_setting")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="cohort_settings")

    def __str__(self):
        return f"{self.cohort}: {self.framework}"


class SelfAssessment(models.Model):
    enrollment = models.OneToOneField(Enrollment, on_delete=models.CASCADE, related_name="self_assessment")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="self_assessments")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Self-assessment of {self.enrollment}"


class Rating(models.Model):
    """How the teacher rates one practice, with the evidence behind it (kept with history)."""

    self_assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="ratings")
    level = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    evidence = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0, help_text="Goes up by one on every save (autosave checks it).")
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["practice__domain__position", "practice__position"]
        constraints = [models.UniqueConstraint(fields=["self_assessment", "practice"], name="one_rating_per_practice")]

    def __str__(self):
        return f"{self.practice}: {self.level}"


class ChosenPractice(models.Model):
    """A practice the teacher picked as a strength or an area for growth (never both)."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", "Strength"
        GROWTH_AREA = "growth_area", "Area for growth"

    self_assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="choices")
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "practice__domain__position", "practice__position"]
        constraints = [models.UniqueConstraint(fields=["self_assessment", "practice"], name="practice_chosen_once")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.practice}"
