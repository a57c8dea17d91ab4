"""Stage 3: what the teacher read about their school and district, and the goals found there."""

from django.db import models
from simple_history.models import HistoricalRecords

from coursework.courses.models import Enrollment
from partnerships.common.validators import validate_web_url


class ResearchSource(models.Model):
    class Kind(models.TextChoices):
        STRATEGIC_PLAN = "strategic_plan", "Strategic plan"
        BOARD_MINUTES = "board_minutes", "Board minutes"
        NEWSLETTER = "newsletter", "Newsletter"
        WEBSITE = "website", "Website"
        DATA_REPORT = "data_report", "Data report"
        OTHER = "other", "Other"

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="research_sources")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    url = models.URLField("web address", max_length=500, blank=True, validators=[validate_web_url])
    published_on = models.DateField("date", null=True, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["enrollment", "created_at", "id"]

    def __str__(self):
        return self.title


class StrategicGoal(models.Model):
    class Level(models.TextChoices):
        SCHOOL = "school", "School"
        DISTRICT = "district", "District"

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="strategic_goals")
    statement = models.TextField()
    level = models.CharField(max_length=10, choices=Level.choices)
    source = models.ForeignKey(ResearchSource, on_delete=models.SET_NULL, null=True, blank=True, related_name="goals")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["enrollment", "level", "created_at", "id"]

    def __str__(self):
        return self.statement[:80]
