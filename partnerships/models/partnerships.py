from django.conf import settings
from django.db import models
from django.urls import reverse


class PartnershipQuerySet(models.QuerySet):
    def with_member(self, user):
        return self.filter(memberships__user=user)


class Partnership(models.Model):
    """A teacher's working partnership with an administrator (and others)."""

    class Status(models.TextChoices):
        FORMING = "forming", "Forming"
        COMMITTED = "committed", "Committed"
        ACTIVE = "active", "Active"
        REVIEWING = "reviewing", "Reviewing"
        CLOSED = "closed", "Closed"

    title = models.CharField(max_length=200)
    lead_teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_partnerships"
    )
    school = models.CharField(max_length=200, blank=True)
    district = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.FORMING)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:detail", args=[self.pk])


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD_TEACHER = "lead_teacher", "Lead teacher"
        ADMINISTRATOR = "administrator", "Administrator"
        COLLEAGUE = "colleague", "Colleague"
        EXTERNAL_PARTNER = "external_partner", "External partner"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partnership", "role", "joined_at"]
        constraints = [models.UniqueConstraint(fields=["partnership", "user"], name="one_membership_per_person")]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} of {self.partnership}"
