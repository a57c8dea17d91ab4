"""What makes a partnership last: agreement, stakeholders, external partners, touch points."""

import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.members.models import Partnership
from partnerships.plan.models import Outcome, Versioned


class Agreement(Versioned):
    """The partners' commitment to collaborate; each member confirms the current version."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="agreement")
    shared_goals = models.TextField(blank=True)
    norm_time = models.TextField("how we respect each other's time", blank=True)
    norm_communication = models.TextField("how we communicate", blank=True)
    norm_decisions = models.TextField("how we make decisions", blank=True)
    meeting_cadence = models.CharField(max_length=200, blank=True, help_text="e.g. “every other Tuesday, 30 minutes”.")

    history = HistoricalRecords()

    def __str__(self):
        return f"Agreement of {self.partnership}"


class AgreementConfirmation(models.Model):
    """One member confirmed one version of the agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="confirmations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agreement_version = models.PositiveIntegerField()
    confirmed_at = models.DateTimeField(default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "confirmed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "user", "agreement_version"], name="one_confirmation_per_version"
            )
        ]

    def __str__(self):
        return f"{self.user} confirmed version {self.agreement_version}"


class Stakeholder(Versioned):
    class Level(models.TextChoices):
        SCHOOL = "school", "School"
        DISTRICT = "district", "District"

    class Group(models.TextChoices):
        PRINCIPAL = "principal", "Principal"
        OTHER_ADMINISTRATORS = "other_administrators", "Other administrators"
        EDUCATORS = "educators", "Educators"
        SUPPORT_STAFF = "support_staff", "Support staff"
        STUDENTS = "students", "Students"
        PARENTS = "parents", "Parents"
        COMMUNITY = "community", "Community"
        BOARD = "board", "Board"
        DISTRICT_ADMINISTRATION = "district_administration", "District administration"
        LOCAL_ASSOCIATION = "local_association", "Local association"
        COMMUNITY_GROUPS = "community_groups", "Community groups"

    GROUPS_BY_LEVEL = {
        Level.SCHOOL: [
            Group.PRINCIPAL,
            Group.OTHER_ADMINISTRATORS,
            Group.EDUCATORS,
            Group.SUPPORT_STAFF,
            Group.STUDENTS,
            Group.PARENTS,
            Group.COMMUNITY,
        ],
        Level.DISTRICT: [
            Group.BOARD,
            Group.DISTRICT_ADMINISTRATION,
            Group.LOCAL_ASSOCIATION,
            Group.PARENTS,
            Group.COMMUNITY_GROUPS,
        ],
    }

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="stakeholders")
    level = models.CharField(max_length=10, choices=Level.choices)
    group = models.CharField(max_length=30, choices=Group.choices)
    name = models.CharField("name or group", max_length=200)
    relationship = models.TextField("relationship today", blank=True)
    role_in_plan = models.TextField("role in the plan", blank=True)
    engaged = models.BooleanField("engaged already", default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "level", "group", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        allowed = self.GROUPS_BY_LEVEL.get(self.level, [])
        if self.level and self.group and self.group not in allowed:
            names = ", ".join(str(self.Group(g).label).lower() for g in allowed)
            raise ValidationError({"group": f"At {self.get_level_display().lower()} level, choose one of: {names}."})


class ExternalPartner(Versioned):
    class Kind(models.TextChoices):
        PROVIDER = "provider", "Provider"
        COMMUNITY = "community", "Community organisation"

    class Role(models.TextChoices):
        COLLABORATIVE = "collaborative", "Collaborative partner"
        CRITICAL_FRIEND = "critical_friend", "Critical friend"
        COACH = "coach", "Coach"
        EXPERT = "expert", "Expert"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="external_partners")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    role = models.CharField(max_length=20, choices=Role.choices)
    need = models.TextField("what need will they help with?", blank=True)
    goals = models.TextField("which of our goals does it serve?", blank=True)
    process = models.TextField("what process will we follow together?", blank=True)
    expectations = models.TextField("what does each side expect?", blank=True)
    judging = models.TextField("how will we judge the results?", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "name"]

    def __str__(self):
        return self.name


HEALTH_FIELDS = ("trust", "transparency", "communication", "honest_assessment", "time_respected", "relevance")


def _health(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


# The record form's box for a review held before its date, named in the refusal too.
HELD_EARLY_LABEL = "This review happened early (today)"


class TouchPoint(Versioned):
    """A scheduled review of the plan; recorded when it is held."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="touch_points")
    title = models.CharField(max_length=200, default="Touch point")
    scheduled_at = models.DateTimeField()
    time_zone = models.CharField(max_length=64, default="America/New_York")
    duration_minutes = models.PositiveSmallIntegerField(default=45)
    location = models.CharField("place or link", max_length=300, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    trust = _health("trust")
    transparency = _health("transparency")
    communication = _health("communication")
    honest_assessment = _health("honest assessment of results")
    time_respected = _health("time respected")
    relevance = _health("relevance")
    reflections = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "scheduled_at", "id"]

    def __str__(self):
        return f"{self.title} on {self.scheduled_at:%Y-%m-%d}"

    def is_missed(self, now=None):
        return self.recorded_at is None and self.scheduled_at < (now or timezone.now())

    def local_day(self):
        return timezone.localtime(self.scheduled_at, zoneinfo.ZoneInfo(self.time_zone)).date()

    def is_ahead(self, now=None):
        """Not recorded yet and dated after today (in its own time zone): recording it now
        would record a review before the day it is planned for."""
        if self.recorded_at is not None:
            return False
        zone = zoneinfo.ZoneInfo(self.time_zone)
        return self.local_day() > timezone.localtime(now or timezone.now(), zone).date()

    def health_rows(self):
        return [(self._meta.get_field(name).verbose_name, getattr(self, name)) for name in HEALTH_FIELDS]


class OutcomeReading(models.Model):
    """The value of one outcome recorded at one touch point."""

    touch_point = models.ForeignKey(TouchPoint, on_delete=models.CASCADE, related_name="readings")
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="readings")
    value = models.DecimalField(max_digits=12, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        ordering = ["touch_point", "outcome"]
        constraints = [models.UniqueConstraint(fields=["touch_point", "outcome"], name="one_reading_per_outcome")]

    def __str__(self):
        return f"{self.outcome}: {self.value}"
