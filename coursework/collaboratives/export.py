"""A member's own posts and replies in one collaborative, as JSON.

Shape (``export_own_content`` returns this dict; the view serialises it)::

    {
      "format": "partnership-planner/collaborative-export",
      "version": 1,
      "exported_at": "2026-11-23T10:00:00+00:00",
      "collaborative": {"id": 3, "name": "Middle school librarians", "cohort": "Fall cohort (Fall 2026)"},
      "member": {"name": "Tess Teacher", "email": "teacher@school.test"},
      "posts": [
        {"id": 12, "created_at": "…", "edited_at": null, "deleted_at": null,
         "body": "text exactly as typed", "link_url": "https://…" or "",
         "shared": {"kind": "focus-area", "title": "…", "text": "…"} or null}
      ],
      "replies": [
        {"id": 40, "post_id": 11, "created_at": "…", "edited_at": null, "deleted_at": null,
         "tag": "challenge" | "question" | "idea" | "support" | "", "body": "…"}
      ]
    }

Only the member's own writing is included — never other people's posts or replies —
including items they deleted that are still restorable (``deleted_at`` set).
Timestamps are ISO 8601 in UTC; posts and replies are oldest first.
"""

from datetime import UTC

from django.db.models import Q
from django.utils import timezone

from coursework.models import Post, Reply
from partnerships.common.softdelete import restorable_q


def _iso(value):
    return value.astimezone(UTC).isoformat() if value else None


def export_own_content(*, collaborative, user, now=None):
    now = now or timezone.now()
    kept = Q(deleted_at__isnull=True) | restorable_q(now)
    posts = Post.objects.filter(kept, collaborative=collaborative, author=user).order_by("created_at", "id")
    replies = Reply.objects.filter(kept, post__collaborative=collaborative, author=user).order_by("created_at", "id")
    return {
        "format": "partnership-planner/collaborative-export",
        "version": 1,
        "exported_at": _iso(now),
        "collaborative": {"id": collaborative.pk, "name": collaborative.name, "cohort": str(collaborative.cohort)},
        "member": {"name": user.get_full_name(), "email": user.email},
        "posts": [
            {
                "id": p.pk,
                "created_at": _iso(p.created_at),
                "edited_at": _iso(p.edited_at),
                "deleted_at": _iso(p.deleted_at),
                "body": p.body,
                "link_url": p.link_url,
                "shared": {"kind": p.shared_kind, "title": p.shared_title, "text": p.shared_text}
                if p.has_snapshot
                else None,
            }
            for p in posts
        ],
        "replies": [
            {
                "id": r.pk,
                "post_id": r.post_id,
                "created_at": _iso(r.created_at),
                "edited_at": _iso(r.edited_at),
                "deleted_at": _iso(r.deleted_at),
                "tag": r.tag,
                "body": r.body,
            }
            for r in replies
        ],
    }
