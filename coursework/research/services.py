"""Writes for stage 3, school and district goals."""

from django.db import transaction

from coursework.models import ResearchSource, StrategicGoal
from coursework.stages.services import stage_touch
from partnerships.common.errors import PlannerError

STAGE = "research"
SOURCE_FIELDS = ("title", "kind", "url", "published_on", "notes")
GOAL_FIELDS = ("statement", "level", "source")


def _check_source(enrollment, source):
    if source is not None and source.enrollment_id != enrollment.pk:
        raise PlannerError("That source is not one of yours.")


@transaction.atomic
def source_create(*, enrollment, title, kind, url="", published_on=None, notes=""):
    source = ResearchSource.objects.create(
        enrollment=enrollment, title=title, kind=kind, url=url, published_on=published_on, notes=notes
    )
    stage_touch(enrollment=enrollment, stage=STAGE)
    return source


@transaction.atomic
def source_update(*, source, **fields):
    for name in SOURCE_FIELDS:
        if name in fields:
            setattr(source, name, fields[name])
    source.save()
    stage_touch(enrollment=source.enrollment, stage=STAGE)
    return source


@transaction.atomic
def source_delete(*, source):
    """Delete a source; its goals stay, without a source. History keeps the old row."""
    enrollment = source.enrollment
    source.delete()
    stage_touch(enrollment=enrollment, stage=STAGE)


@transaction.atomic
def goal_create(*, enrollment, statement, level, source=None):
    _check_source(enrollment, source)
    goal = StrategicGoal.objects.create(enrollment=enrollment, statement=statement, level=level, source=source)
    stage_touch(enrollment=enrollment, stage=STAGE)
    return goal


@transaction.atomic
def goal_update(*, goal, **fields):
    _check_source(goal.enrollment, fields.get("source"))
    for name in GOAL_FIELDS:
        if name in fields:
            setattr(goal, name, fields[name])
    goal.save()
    stage_touch(enrollment=goal.enrollment, stage=STAGE)
    return goal


@transaction.atomic
def goal_delete(*, goal):
    enrollment = goal.enrollment
    goal.delete()
    stage_touch(enrollment=enrollment, stage=STAGE)
