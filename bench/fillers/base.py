"""The Context every filler receives, the registry, and small helpers shared by fillers.

A filler takes the Context and returns how many rows it inserted. Fillers run in the
order their modules are imported (bench/fillers/__init__.py); later ones read what
earlier ones made through `ctx.made`, so nothing is queried back row by row.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random
from typing import NamedTuple

BATCH = 1000

FILLERS = []


def filler(name):
    def register(fn):
        FILLERS.append((name, fn))
        return fn

    return register


class Row(NamedTuple):
    """One teacher's world: their enrollment, the partnership and its administrator."""

    enrollment: object
    teacher: object
    admin: object
    partnership: object
    instructor: object


@dataclass
class Context:
    rng: Random
    now: datetime
    today: object
    cohorts: list
    enrollments: list
    reached: dict  # enrollment pk -> index of the stage the teacher is on (0..8)
    teachers: list
    administrators: list
    partnerships: list
    instructors: list
    # enrollment pk -> status of the stage the teacher is on ("in_progress" or "not_started")
    current_status: dict = field(default_factory=dict)
    instructor_of: dict = field(default_factory=dict)  # cohort pk -> its instructor
    made: dict = field(default_factory=dict)  # what earlier fillers created, for later ones

    def reached_stage(self, enrollment, slug):
        from coursework.stages.registry import STAGE_SLUGS

        return self.reached[enrollment.pk] >= STAGE_SLUGS.index(slug)

    def progress(self, enrollment, slug):
        """ "done" for a stage behind the teacher, "partial" for the one they are working
        on (unless not started yet), None for a stage ahead of them."""
        from coursework.stages.registry import STAGE_SLUGS

        index, reached = STAGE_SLUGS.index(slug), self.reached[enrollment.pk]
        if index < reached:
            return "done"
        if index == reached and self.current_status.get(enrollment.pk, "in_progress") != "not_started":
            return "partial"
        return None

    def stage_time(self, enrollment, slug, hours=0):
        """When the teacher worked on a stage: about four days per stage, counting back
        from now, so histories and meeting dates fall in a believable order."""
        from coursework.stages.registry import STAGE_SLUGS

        back = (self.reached[enrollment.pk] - STAGE_SLUGS.index(slug)) * 4
        return self.now - timedelta(days=max(back, 0), hours=hours)

    def rows(self):
        if "rows" not in self.made:
            fallback = self.instructors[0] if self.instructors else None
            self.made["rows"] = [
                Row(e, t, a, p, self.instructor_of.get(e.cohort_id, fallback))
                for e, t, a, p in zip(
                    self.enrollments, self.teachers, self.administrators, self.partnerships, strict=True
                )
            ]
        return self.made["rows"]

    @staticmethod
    def days(n):
        return timedelta(days=n)


def bulk(model, objs):
    """Insert in batches; returns the objects with their primary keys set."""
    return model.objects.bulk_create(objs, batch_size=BATCH)


_HISTORY = {}


def history_model(model):
    """The model's historical model and the fields it tracks (cached: reaching it through
    `model.history` builds a new manager class every time, which is slow in a loop)."""
    if model not in _HISTORY:
        history = model.history.model
        _HISTORY[model] = (history, [f.attname for f in history.tracked_fields])
    return _HISTORY[model]


def history_row(model, obj, *, when, user_id, kind="+", **changes):
    """One django-simple-history row for `obj` as it was at `when` (`changes` override
    its current values, so an earlier version can read differently from the row)."""
    history, names = history_model(model)
    values = {name: getattr(obj, name) for name in names}
    values.update(changes)
    return history(history_date=when, history_user_id=user_id, history_type=kind, history_change_reason=None, **values)
