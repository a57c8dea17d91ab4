"""Meetings of a partnership: the first interview, the second meeting and touch points."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from partnerships.common.validators import validate_time_zone, validate_web_url
from partnerships.members.models import Partnership


def default_time_zone():
    return settings.TIME_ZONE


class Meeting(models.Model):
    class Kind(models.TextChoices):
        FIRST_INTERVIEW = "first_interview", "First interview"
        SECOND_MEETING = "second_meeting", "Second meeting"
        TOUCH_POINT = "touch_point", "Touch point"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    attendee_name = models.CharField(
        "who you are meeting",
        max_length=200,
        blank=True,
        help_text="Name and title, for example “Sam Patel, Principal”, if they have not joined yet.",
    )
    starts_at = models.DateTimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, default=default_time_zone, validators=[validate_time_zone])
    duration_minutes = models.PositiveSmallIntegerField(
        "length in minutes", default=45, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    location = models.CharField("place", max_length=300, blank=True)
    video_link = models.URLField(max_length=500, blank=True, validators=[validate_web_url])
    notes = models.TextField(blank=True)
    notes_version = models.PositiveIntegerField(default=0, help_text="Goes up by one on every save of the notes.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "starts_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.partnership}"

    def get_absolute_url(self):
        return reverse("partnerships:meeting", args=[self.pk])

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes) if self.starts_at else None

    @property
    def local_starts_at(self):
        from zoneinfo import ZoneInfo

        return self.starts_at.astimezone(ZoneInfo(self.time_zone)) if self.starts_at else None


class InterviewQuestion(models.Model):
    """A question prepared for the meeting (its agenda), with the teacher's notes of the answer."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField()
    text = models.CharField(max_length=500)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0, help_text="Goes up by one on every save (autosave checks it).")

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "id"]

    def __str__(self):
        return self.text


class Opportunity(models.Model):
    """An area of opportunity or need that came out of the meeting (the shortlist)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="opportunities")
    position = models.PositiveIntegerField()
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name_plural = "opportunities"

    def __str__(self):
        return self.text[:80]
