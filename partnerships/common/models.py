from django.conf import settings
from django.db import models


class Submission(models.Model):
    """A form post already answered, so a double click or a retried request is answered again
    with the first response instead of doing the work twice (see common/submissions.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    # The path and posted fields: the same key with other content is a new request, not a retry.
    fingerprint = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True)
    headers = models.JSONField(default=dict, blank=True)
    content = models.BinaryField(blank=True, default=b"")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="submission_once_per_user_key")]

    def __str__(self):
        return f"{self.key} ({self.status})"
