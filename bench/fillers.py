"""Per-feature fillers for bench.generate: each adds the stage work teachers have reached.

A filler takes the Context and returns how many rows it inserted. Add one per feature;
keep them to bulk_create so 2,000 teachers take seconds, not minutes.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random


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

    def reached_stage(self, enrollment, slug):
        from coursework.stages import STAGE_SLUGS

        return self.reached[enrollment.pk] >= STAGE_SLUGS.index(slug)

    @staticmethod
    def days(n):
        return timedelta(days=n)


FILLERS = []


def filler(name):
    def register(fn):
        FILLERS.append((name, fn))
        return fn

    return register
