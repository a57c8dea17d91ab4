import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


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


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class InvitationBase(models.Model):
    """A single-use, expiring invitation sent by email.

    Only a hash of the token is stored, so a database leak does not leak live links.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REVOKED = "revoked", "Revoked"
        EXPIRED = "expired", "Expired"

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_sent_at = models.DateTimeField(null=True, blank=True)
    send_count = models.PositiveIntegerField(default=0)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def state(self):
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.revoked_at:
            return self.State.REVOKED
        if self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.PENDING

    def get_state_display(self):
        return self.State(self.state).label

    @property
    def is_pending(self):
        return self.state == self.State.PENDING


class Invitation(InvitationBase):
    """An invitation to join a partnership in a role."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(
        max_length=20,
        choices=[c for c in Membership.Role.choices if c[0] != Membership.Role.LEAD_TEACHER],
        default=Membership.Role.ADMINISTRATOR,
    )

    class Meta(InvitationBase.Meta):
        pass

    def __str__(self):
        return f"{self.email} to {self.partnership} as {self.get_role_display()}"
