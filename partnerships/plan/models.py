"""The action plan a teacher and administrator co-own, and the items inside it.

Every editable item carries a `version` (optimistic concurrency: a save names the version
it started from and is refused when someone saved in between), full history
(django-simple-history) and a soft delete that can be undone for 30 days.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.common.softdelete import restorable_q, restore_deadline
from partnerships.focus.models import FocusArea
from partnerships.members.models import Membership, Partnership


class VersionedQuerySet(models.QuerySet):
    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def recently_deleted(self, now=None):
        return self.filter(restorable_q(now))


class Versioned(models.Model):
    """Version number, timestamps and soft delete shared by every co-edited item."""

    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def restorable_until(self):
        return restore_deadline(self.deleted_at)


class ActionPlan(Versioned):
    """One live plan per partnership, made from the focus area the partners selected.

    A plan set aside when the partners start anew on another focus area is kept,
    soft-deleted, and can be brought back (partnerships/plan/services.py, plan_follow_focus).
    """

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="action_plans")
    focus_area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="action_plans")
    goal = models.TextField("goal statement", blank=True)
    communication = models.TextField("how progress will be communicated", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=models.Q(deleted_at__isnull=True),
                name="one_live_plan_per_partnership",
            )
        ]

    def __str__(self):
        return f"Action plan: {self.focus_area.title}"

    def get_absolute_url(self):
        return reverse("partnerships:plan", args=[self.partnership_id])


class Outcome(Versioned):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.CharField(
        max_length=300,
        blank=True,
        help_text="What you will count or observe, e.g. “students who check out a book weekly (%)”.",
    )
    baseline = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    target_date = models.DateField(null=True, blank=True)
    data_source = models.CharField(max_length=300, blank=True, help_text="Where the numbers come from.")
    current_value = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "created_at", "id"]

    def __str__(self):
        return self.measure or "Outcome without a measure yet"

    def clean(self):
        if self.target is not None and not self.measure.strip():
            raise ValidationError(
                {"measure": "A target needs a measure: say what you will count or observe to reach it."}
            )


class Step(Versioned):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        BLOCKED = "blocked", "Blocked"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=300)
    owner_member = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="owner"
    )
    owner_name = models.CharField(
        "or a named outside person", max_length=200, blank=True, help_text="Someone who is not a member."
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    time_estimate = models.CharField(max_length=100, blank=True, help_text="e.g. “2 hours a week for 4 weeks”.")
    resources = models.TextField("resources needed", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "due_date", "created_at", "id"]

    def __str__(self):
        return self.title

    @property
    def owner_label(self):
        if self.owner_member_id:
            return str(self.owner_member.user)
        return self.owner_name

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return bool(self.due_date and self.due_date < today and self.status != self.Status.DONE)


class Idea(Versioned):
    """A quick brainstorm idea; it can be promoted into a step or an outcome."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="ideas")
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    promoted_to = models.CharField(max_length=10, blank=True)
    promoted_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "created_at", "id"]

    def __str__(self):
        return self.text[:80]


class PlanComment(models.Model):
    """A comment on the plan by any member (colleagues comment; they do not edit)."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    text = models.TextField("comment")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "created_at", "id"]

    def __str__(self):
        return self.text[:80]
