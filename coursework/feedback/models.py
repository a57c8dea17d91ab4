"""What instructors send teachers: feedback on a stage, and reminders."""

from django.conf import settings
from django.db import models

from coursework.stages.registry import STAGE_CHOICES


class Feedback(models.Model):
    """An instructor's note on a teacher's stage, optionally with a review decision."""

    class Decision(models.TextChoices):
        NONE = "", "Comment"
        COMPLETE = "complete", "Marked complete"
        NEEDS_REVISION = "needs_revision", "Returned for revision"

    enrollment = models.ForeignKey("coursework.Enrollment", on_delete=models.CASCADE, related_name="feedback")
    stage = models.CharField(max_length=30, choices=STAGE_CHOICES)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="feedback_given"
    )
    text = models.TextField()
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["enrollment", "stage"])]

    def __str__(self):
        return f"Feedback on {self.enrollment}: {self.stage}"


class Reminder(models.Model):
    """One reminder email sent to a teacher about a stage."""

    enrollment = models.ForeignKey("coursework.Enrollment", on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=30, choices=STAGE_CHOICES)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="reminders_sent"
    )
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["enrollment", "-sent_at"])]

    def __str__(self):
        return f"Reminder to {self.enrollment}: {self.stage}"


DEFAULT_REMINDER_SUBJECT = "Reminder: {stage} is due {due_date}"
DEFAULT_REMINDER_BODY = """Hello {first_name},

This is a friendly reminder that the stage “{stage}” of {cohort} is due {due_date}.

You can pick up where you left off here:
{link}

If something is getting in the way, reply to this email and tell me — we can find a way together.

{instructor}
"""


class ReminderTemplate(models.Model):
    """A cohort's editable reminder email. Placeholders in braces, e.g. {first_name}."""

    cohort = models.OneToOneField("coursework.Cohort", on_delete=models.CASCADE, related_name="reminder_template")
    subject = models.CharField(max_length=200, default=DEFAULT_REMINDER_SUBJECT)
    body = models.TextField(default=DEFAULT_REMINDER_BODY)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Reminder template for {self.cohort}"
