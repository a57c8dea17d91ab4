"""How long each kind of free text may be, and which dates each kind of date field takes.

The one table forms read their limits from (through partnerships.common.forms.PlannerForm).
Limits are enforced in the forms only: the database columns keep their own sizes.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

# --- Free text, by purpose (characters) --------------------------------------------------
NAME = 150  # a person's first or last name
TITLE = 200  # a partnership, focus area, touch point or source title; a school or district
LINE = 300  # any other one-line answer: a place, a measure, a next step
SEARCH = 100  # a filter box
EMAIL = 254  # an email address (the longest a mail server delivers to)
URL = 500  # a web address
SHORT_ANSWER = 2_000  # a few sentences: a reason, a prompt, a need, a stakeholder's role
COMMENT = 4_000  # a comment, reply or clarification question
EVIDENCE = 5_000  # the evidence behind a self-assessment rating; a reply in a collaborative
NOTES = 10_000  # meeting notes, plan sections, feedback, a collaborative post
REFLECTION_ANSWER = 20_000  # a stage reflection (autosaved long text)
PASSWORD = 4_096  # long enough for any pass phrase, short enough not to hash megabytes
TEXTAREA_DEFAULT = NOTES  # a multi-line field no form gave a purpose


def hint(limit):
    """The hint shown under a text field."""
    return f"Up to {limit:,} characters."


# --- Dates, by purpose --------------------------------------------------------------------


@dataclass(frozen=True)
class DateRange:
    """The dates a field accepts: from `earliest` to `years_ahead` years after today
    (or a fixed `latest`)."""

    earliest: date
    years_ahead: int | None = None
    latest_fixed: date | None = None

    def latest(self, today=None):
        if self.latest_fixed is not None:
            return self.latest_fixed
        today = today or timezone.localdate()
        try:
            return today.replace(year=today.year + self.years_ahead)
        except ValueError:  # 29 February
            return today.replace(year=today.year + self.years_ahead, day=28)

    def contains(self, day):
        return self.earliest <= day <= self.latest()

    def message(self):
        return f"Choose a date between {_long(self.earliest)} and {_long(self.latest())}."


def _long(day):
    return f"{day.day} {day:%B %Y}"


# Meetings, touch points, due dates, target dates, cohort dates: plans within a few years.
SCHEDULE = DateRange(earliest=date(2000, 1, 1), years_ahead=5)
# When a source was published or a meeting it records took place: the past, mostly.
PUBLISHED = DateRange(earliest=date(1900, 1, 1), years_ahead=1)
# Search filters over what the planner recorded.
FILTER = DateRange(earliest=date(2000, 1, 1), years_ahead=1)
# What a calendar file can carry (stored rows outside it are left out of .ics downloads).
CALENDAR_FILE = DateRange(earliest=date(1900, 1, 1), latest_fixed=date(2199, 12, 31))

DATE_DEFAULT = SCHEDULE  # a date field no form gave a purpose
