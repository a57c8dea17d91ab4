"""What changed in a focus area since a question was asked: a word-level diff, server-side.

Insertions and deletions are marked with <ins> and <del> and a visually hidden word, so
the change is announced and visible without relying on colour.
"""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from partnerships.common.history import visible_history
from partnerships.focus.models import focus_content

FIELD_LABELS = {
    "title": "Title",
    "need": "The need it answers",
    "serves": "Who it serves",
    "rationale": "Why it matters",
}
_TOKENS = re.compile(r"\S+|\s+")


def word_diff(old, new):
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            parts.append(
                f'<del><span class="visually-hidden">[removed: </span>{escape("".join(a[i1:i2]))}'
                '<span class="visually-hidden">]</span></del>'
            )
        if op in ("insert", "replace"):
            parts.append(
                f'<ins><span class="visually-hidden">[added: </span>{escape("".join(b[j1:j2]))}'
                '<span class="visually-hidden">]</span></ins>'
            )
    return mark_safe("".join(parts))


def changes_between(old_record, new_record):
    """Fields that differ between two versions, each with its word-level diff."""
    old, new = focus_content(old_record), focus_content(new_record)
    return [
        {"field": field, "label": FIELD_LABELS[field], "diff": word_diff(old[field], new[field])}
        for field in FIELD_LABELS
        if old[field] != new[field]
    ]


def versions_by_number(focus_areas, viewer, sees_drafts=None):
    """{(focus_area_id, version): the last history row of that version} that `viewer` may
    read (drafted wording only for those who could read the draft), in one query."""
    from partnerships.models import FocusArea

    ids = [fa.pk for fa in focus_areas]
    rows = (
        FocusArea.history.filter(id__in=ids).select_related("history_user").order_by("history_date", "history_id")
        if ids
        else []
    )
    by_area = {}
    for row in rows:
        by_area.setdefault(row.id, []).append(row)
    return {
        (row.id, row.version): row
        for fa in focus_areas
        for row in visible_history(fa, viewer, rows=by_area.get(fa.pk, []), sees_private=sees_drafts)
    }


def revision_trail(focus_area, versions):
    """Each saved version of a focus area, newest first, with what it changed from the one before."""
    trail = []
    previous = None
    for number in range(1, focus_area.version + 1):
        row = versions.get((focus_area.pk, number))
        if row is None:
            continue
        trail.append(
            {
                "version": number,
                "by": row.history_user,
                "at": row.history_date,
                "changes": changes_between(previous, row) if previous is not None else None,
            }
        )
        previous = row
    return list(reversed(trail))
