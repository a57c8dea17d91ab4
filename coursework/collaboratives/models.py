"""Thought-partner collaboratives: small peer groups inside a cohort (issue 7).

Members post reflections (raw text, rendered through coursework.sanitize), may share a
read-only snapshot of their stage work, and reply one level deep with a tag. Posts and
replies are soft-deleted (``deleted_at``) so an author can restore them for 30 days.
Writes go through coursework.collaboratives.services; reads through coursework.access.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from coursework.courses.models import Cohort
from partnerships.common.sanitize import render_markdownish
from partnerships.common.softdelete import restorable_q


def edit_window():
    """How long after writing an author may still edit (settings.COLLABORATIVE_EDIT_WINDOW)."""
    return getattr(settings, "COLLABORATIVE_EDIT_WINDOW", timedelta(minutes=15))


class Collaborative(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="collaboratives")
    name = models.CharField(max_length=120)
    norms = models.TextField(help_text="How this group works together. Every member agrees to them on joining.")
    prompt = models.TextField("prompt of the week", blank=True)
    prompt_set_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cohort", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("coursework:collaborative_feed", args=[self.pk])

    @property
    def norms_html(self):
        return render_markdownish(self.norms)

    @property
    def prompt_html(self):
        return render_markdownish(self.prompt)


class CollaborativeMembership(models.Model):
    collaborative = models.ForeignKey(Collaborative, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collaborative_memberships"
    )
    agreed_to_norms_at = models.DateTimeField(null=True, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["collaborative", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["collaborative", "user"], name="one_membership_per_collaborative")
        ]

    def __str__(self):
        return f"{self.user} in {self.collaborative}"

    @property
    def has_agreed(self):
        return self.agreed_to_norms_at is not None


class CollaborativeInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, declined_at__isnull=True)


class CollaborativeInvitation(models.Model):
    """A member invites a peer enrolled in the same cohort; the peer accepts in the app."""

    collaborative = models.ForeignKey(Collaborative, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collaborative_invitations"
    )
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    objects = CollaborativeInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["collaborative", "invitee"],
                condition=models.Q(accepted_at__isnull=True, declined_at__isnull=True),
                name="one_pending_collaborative_invitation",
            )
        ]

    def __str__(self):
        return f"{self.invitee} to {self.collaborative}"


http_url = URLValidator(schemes=["http", "https"])


class PostQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)

    def restorable(self, now=None):
        return self.filter(restorable_q(now))

    def with_tag_counts(self):
        """Annotate reply counts per tag (and in total), computed by the database."""
        live = models.Q(replies__deleted_at__isnull=True)
        counts = {
            f"{tag}_count": models.Count("replies", filter=live & models.Q(replies__tag=tag))
            for tag in Reply.Tag.values
        }
        return self.annotate(reply_count=models.Count("replies", filter=live), **counts)


class Post(models.Model):
    collaborative = models.ForeignKey(Collaborative, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collaborative_posts")
    body = models.TextField(help_text="Stored as typed; rendered through coursework.sanitize.")
    link_url = models.URLField("link", max_length=500, blank=True, validators=[http_url])
    shared_kind = models.CharField(max_length=40, blank=True)
    shared_title = models.CharField(max_length=200, blank=True)
    shared_text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["collaborative", "deleted_at", "created_at"])]

    def __str__(self):
        return f"{self.author}: {self.body[:50]}"

    def get_absolute_url(self):
        return reverse("coursework:collaborative_post", args=[self.pk])

    @cached_property
    def body_html(self):
        return render_markdownish(self.body)

    @property
    def has_snapshot(self):
        return bool(self.shared_title or self.shared_text)

    @property
    def shared_kind_label(self):
        from coursework.collaboratives.sharing import kind_label

        return kind_label(self.shared_kind)

    def editable_until(self):
        return self.created_at + edit_window()

    def is_editable(self, now=None):
        return (now or timezone.now()) < self.editable_until()

    def tag_counts(self):
        """[(tag value, label, count)] from the annotations of PostQuerySet.with_tag_counts."""
        return [(value, label, getattr(self, f"{value}_count", 0)) for value, label in Reply.Tag.choices]


class Reply(models.Model):
    class Tag(models.TextChoices):
        CHALLENGE = "challenge", "Challenge"
        QUESTION = "question", "Question"
        IDEA = "idea", "Idea"
        SUPPORT = "support", "Support"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collaborative_replies")
    body = models.TextField()
    tag = models.CharField(max_length=20, choices=Tag.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "replies"
        indexes = [models.Index(fields=["post", "deleted_at", "tag"])]

    def __str__(self):
        return f"{self.author}: {self.body[:50]}"

    @cached_property
    def body_html(self):
        return render_markdownish(self.body)

    def editable_until(self):
        return self.created_at + edit_window()

    def is_editable(self, now=None):
        return (now or timezone.now()) < self.editable_until()


class Report(models.Model):
    """A member flags a post for the cohort's instructors."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["handled_at", "-created_at"]

    def __str__(self):
        return f"Report on post {self.post_id} by {self.reporter}"
