from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from partnerships.models.partnerships import Partnership


class FocusAreaQuerySet(models.QuerySet):
    def shared(self):
        return self.exclude(status=FocusArea.Status.DRAFT)

    def drafts(self):
        return self.filter(status=FocusArea.Status.DRAFT)

    def in_review(self):
        """Shared and still under discussion (not yet chosen or set aside)."""
        S = FocusArea.Status
        return self.filter(status__in=[S.SHARED, S.CLARIFICATION_REQUESTED, S.REVISED])


class FocusArea(models.Model):
    """A partially-baked focus area drafted by the teacher, reviewed with the administrator."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SHARED = "shared", "Shared"
        CLARIFICATION_REQUESTED = "clarification_requested", "Clarification requested"
        REVISED = "revised", "Revised"
        SELECTED = "selected", "Selected"
        SET_ASIDE = "set_aside", "Set aside"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="focus_areas")
    title = models.CharField(max_length=200)
    need = models.TextField("the need it answers")
    serves_students = models.BooleanField("students", default=False)
    serves_teachers = models.BooleanField("teachers", default=False)
    serves_community = models.BooleanField("school community", default=False)
    rationale = models.TextField("why it matters here", blank=True)
    status = models.CharField(max_length=30, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    shared_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()
    objects = FocusAreaQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "created_at"]

    def __str__(self):
        return self.title

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def serves_labels(self):
        labels = []
        if self.serves_students:
            labels.append("students")
        if self.serves_teachers:
            labels.append("teachers")
        if self.serves_community:
            labels.append("the school community")
        return labels

    def content(self):
        """The text a revision can change, for side-by-side views and diffs."""
        return focus_content(self)


def focus_content(record):
    """Title, need, who it serves and rationale of a FocusArea or one of its history rows."""
    serves = [
        label
        for flag, label in (
            (record.serves_students, "students"),
            (record.serves_teachers, "teachers"),
            (record.serves_community, "the school community"),
        )
        if flag
    ]
    return {
        "title": record.title,
        "need": record.need,
        "serves": ", ".join(serves),
        "rationale": record.rationale,
    }


class FocusAreaEvidence(models.Model):
    """A snapshot of one piece of the teacher's input cited for a focus area."""

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20)
    ref = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=200)
    text = models.TextField()
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True, null=True)

    class Meta:
        ordering = ["focus_area", "kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["focus_area", "ref"], condition=~models.Q(ref=""), name="evidence_cited_once_per_focus_area"
            )
        ]

    def __str__(self):
        return f"{self.source}: {self.text[:60]}"
