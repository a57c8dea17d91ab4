"""A stage's due date in words that stay true however late it is."""

from django.utils import timezone


def _late_by(days):
    if days < 7:
        return f"{days} day{'s' if days != 1 else ''} late"
    weeks = days // 7
    return f"{weeks} week{'s' if weeks != 1 else ''} late"


def due_phrase(due_on, *, today=None, short=False):
    """“is due Friday, December 4”, “is due today”, or “was due Tuesday, November 10 — 3 weeks late”.

    `short` (“was due Nov 10 — 3 weeks late”) keeps a late one within a subject’s 78 characters.
    """
    if due_on is None:
        return "is due soon"
    today = today or timezone.localdate()
    if due_on == today:
        return "is due today"
    when = due_on.strftime("%b %-d" if short and due_on < today else "%A, %B %-d")
    if due_on > today:
        return f"is due {when}"
    return f"was due {when} — {_late_by((today - due_on).days)}"
