"""A due date in words: ahead, today, or how late."""

from datetime import date

import pytest

from coursework.stages.due import due_phrase

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(
    ("due_on", "words"),
    [
        (None, "is due soon"),
        (date(2026, 12, 1), "is due today"),
        (date(2026, 12, 4), "is due Friday, December 4"),
        (date(2026, 11, 30), "was due Monday, November 30 — 1 day late"),
        (date(2026, 11, 26), "was due Thursday, November 26 — 5 days late"),
        (date(2026, 11, 10), "was due Tuesday, November 10 — 3 weeks late"),
        (date(2026, 11, 24), "was due Tuesday, November 24 — 1 week late"),
    ],
)
def test_due_phrase(due_on, words):
    assert due_phrase(due_on, today=TODAY) == words


def test_short_form_for_subjects():
    assert due_phrase(date(2026, 11, 10), today=TODAY, short=True) == "was due Nov 10 — 3 weeks late"
