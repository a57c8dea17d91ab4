from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from coursework.stages.registry import STAGE_CHOICES, STAGES
from partnerships.models import InvitationBase, Partnership


class Course(models.Model):
    """A course unit. Cohorts run it."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class CohortQuerySet(models.QuerySet):
    def taught_by(self, user):
        return self.filter(instructors=user)


class Cohort(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="cohorts")
    name = models.CharField(max_length=200)
    term = models.CharField(max_length=100, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    instructors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="taught_cohorts", blank=True)
    is_open = models.BooleanField("open", default=True)
    anonymous_evaluations = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return f"{self.name} ({self.term})" if self.term else self.name

    def get_absolute_url(self):
        return reverse("coursework:cohort_detail", args=[self.pk])


class CohortStage(models.Model):
    """A cohort's settings for one stage: its due date."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="stage_settings")
    stage = models.CharField(max_length=30, choices=STAGE_CHOICES)
    due_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["cohort", "id"]
        constraints = [models.UniqueConstraint(fields=["cohort", "stage"], name="one_setting_per_stage")]

    def __str__(self):
        return f"{self.cohort}: {self.get_stage_display()}"


class EnrollmentQuerySet(models.QuerySet):
    def for_teacher(self, user):
        return self.filter(teacher=user)


class Enrollment(models.Model):
    """A teacher taking a cohort; linked to the partnership they are building."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="enrollments")
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    partnership = models.ForeignKey(
        Partnership, on_delete=models.SET_NULL, null=True, blank=True, related_name="enrollments"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["cohort", "teacher__last_name", "teacher__first_name"]
        constraints = [models.UniqueConstraint(fields=["cohort", "teacher"], name="one_enrollment_per_cohort")]

    def __str__(self):
        return f"{self.teacher} in {self.cohort}"


class StageProgress(models.Model):
    """Where an enrollment stands on one stage. Set by services, never typed in."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        SUBMITTED = "submitted", "Submitted"
        NEEDS_REVISION = "needs_revision", "Needs revision"
        COMPLETE = "complete", "Complete"

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="progress")
    stage = models.CharField(max_length=30, choices=STAGE_CHOICES)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["enrollment", "id"]
        constraints = [models.UniqueConstraint(fields=["enrollment", "stage"], name="one_progress_per_stage")]
        indexes = [models.Index(fields=["stage", "status"])]

    def __str__(self):
        return f"{self.enrollment}: {self.stage} {self.status}"

    @property
    def stage_number(self):
        return next(s.number for s in STAGES if s.slug == self.stage)


class CohortInvitation(InvitationBase):
    """An invitation for a teacher to enrol in a cohort."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="invitations")
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)

    class Meta(InvitationBase.Meta):
        pass

    def __str__(self):
        return f"{self.email} to {self.cohort}"


class RosterImport(models.Model):
    """One uploaded roster, invited row by row by the worker (coursework/courses/tasks.py).

    The file is checked line by line in the request, so a bad file invites nobody and its
    problems show at once; the slow part (an invitation and an email per row) runs off the
    request, and this row is what the instructor watches: progress, then the result of
    every row.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Inviting"
        DONE = "done", "Done"
        FAILED = "failed", "Stopped by an error"

    class Outcome(models.TextChoices):
        INVITED = "invited", "Invited"
        SKIPPED = "skipped", "Skipped"

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="roster_imports")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    file_name = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # The checked rows, [{line, email, first_name, last_name}], and one result per row done,
    # [{line, email, name, outcome, reason}]: a retry resumes after the last result.
    rows = models.JSONField(default=list)
    results = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    invited = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Roster for {self.cohort} ({self.total} rows, {self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("coursework:roster_import_detail", args=[self.pk])

    @property
    def processed(self):
        return self.invited + self.skipped

    @property
    def percent(self):
        return round(100 * self.processed / self.total) if self.total else 100

    @property
    def is_active(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
