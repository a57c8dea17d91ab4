"""The administrator's review of shared focus areas and the second meeting.

Comments thread on a focus area; a FocusAreaChoice records one focus area proposed and
confirmed by both parties; ReviewMeeting and AgendaItem hold the second meeting's date,
place and agenda. (ReviewMeeting should later be unified with the general Meeting model.)
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.common.history import register_private_state
from partnerships.members.models import Membership, Partnership


class FocusAreaQuerySet(models.QuerySet):
    def shared(self):
        return self.exclude(status=FocusArea.Status.DRAFT)

    def drafts(self):
        return self.filter(status=FocusArea.Status.DRAFT)

    def in_review(self):
        """Shared and still under discussion (not yet chosen or set aside)."""
        return self.filter(status__in=FocusArea.IN_REVIEW)


class FocusArea(models.Model):
    """A partially-baked focus area drafted by the teacher, reviewed with the administrator."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SHARED = "shared", "Shared"
        CLARIFICATION_REQUESTED = "clarification_requested", "Clarification requested"
        REVISED = "revised", "Revised"
        SELECTED = "selected", "Selected"
        SET_ASIDE = "set_aside", "Set aside"

    # Shared and still under discussion: what the two-or-three rule counts as already shared.
    IN_REVIEW = (Status.SHARED, Status.CLARIFICATION_REQUESTED, Status.REVISED)

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


EXCERPT_MAX = 400


def excerpt_of(text, limit=EXCERPT_MAX):
    """The start of `text`, cut at a word and marked when cut, at most `limit` characters."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"


class FocusAreaEvidence(models.Model):
    """A snapshot of one piece of the teacher's input cited for a focus area.

    `text` is the full private input, for the teacher and the instructor only; `excerpt`
    is what the teacher chose to show the administrator and colleagues.
    """

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20)
    ref = models.CharField(max_length=60, blank=True)
    source = models.CharField(max_length=200)
    text = models.TextField()
    excerpt = models.CharField("what your administrator will see", max_length=EXCERPT_MAX, blank=True)
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
        return f"{self.source}: {self.shown[:60]}"

    @property
    def shown(self):
        """What the partnership sees; rows cited before excerpts existed show a trimmed start."""
        return self.excerpt or excerpt_of(self.text)


class Comment(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", "Comment"
        QUESTION = "question", "Clarification question"
        ANSWER = "answer", "Answer"

    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COMMENT)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    body = models.TextField()
    focus_version = models.PositiveIntegerField(help_text="The focus area's version when this was written.")
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["focus_area", "created_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} by {self.author}: {self.body[:60]}"

    @property
    def is_question(self):
        return self.kind == self.Kind.QUESTION


class FocusAreaChoice(models.Model):
    """One focus area proposed by one party and confirmed by the other."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="focus_choices")
    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="choices")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    rationale = models.TextField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["partnership", "-proposed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=models.Q(confirmed_at__isnull=False),
                name="one_confirmed_choice_per_partnership",
            ),
            models.UniqueConstraint(
                fields=["partnership"],
                condition=models.Q(confirmed_at__isnull=True, withdrawn_at__isnull=True),
                name="one_open_proposal_per_partnership",
            ),
        ]

    def __str__(self):
        return f"{self.focus_area} ({self.state})"

    @property
    def state(self):
        if self.confirmed_at:
            return "confirmed"
        if self.withdrawn_at:
            return "withdrawn"
        return "proposed"


class ReviewMeeting(models.Model):
    """The second meeting's date, time, time zone and place or link."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="review_meeting")
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=45)
    time_zone = models.CharField(max_length=64, default="America/New_York")
    location = models.CharField("place", max_length=200, blank=True)
    video_link = models.URLField("video call link", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    # The record of what happened, written after the meeting by either party.
    clarifications = models.TextField("clarifications agreed", blank=True)
    recorded_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    summary_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Second meeting for {self.partnership}"

    def get_absolute_url(self):
        return reverse("partnerships:second_meeting", args=[self.partnership_id])

    @property
    def local_start(self):
        from zoneinfo import ZoneInfo

        return self.starts_at.astimezone(ZoneInfo(self.time_zone))


class AgendaItem(models.Model):
    class Source(models.TextChoices):
        GENERATED = "generated", "From the focus areas"
        ADDED = "added", "Added by hand"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField(max_length=500)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.ADDED)
    focus_area = models.ForeignKey(FocusArea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    notes = models.TextField("notes from the meeting", blank=True)

    class Meta:
        ordering = ["partnership", "position", "id"]

    def __str__(self):
        return self.text


class MeetingNextStep(models.Model):
    """A next step agreed at the second meeting, with its owner: what happens before the plan."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meeting_next_steps")
    position = models.PositiveIntegerField(default=0)
    text = models.CharField("next step", max_length=300)
    owner = models.ForeignKey(
        "partnerships.Membership", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("by", null=True, blank=True)

    class Meta:
        ordering = ["partnership", "position", "id"]

    def __str__(self):
        return self.text


def _draft_version(row):
    return row.status == FocusArea.Status.DRAFT


def _reads_drafts(focus_area, viewer):
    # The same people visible_focus_areas in partnerships/access.py shows drafts to.
    cache = viewer.__dict__.setdefault("_leads_partnership", {})
    if focus_area.partnership_id not in cache:
        cache[focus_area.partnership_id] = Membership.objects.filter(
            partnership_id=focus_area.partnership_id, user=viewer, role=Membership.Role.LEAD_TEACHER
        ).exists()
    return cache[focus_area.partnership_id]


register_private_state(FocusArea, is_private=_draft_version, sees_private=_reads_drafts)
