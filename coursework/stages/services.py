"""Stage status changes. Status is derived from the teacher's work and actions only."""

from django.db import transaction
from django.utils import timezone

from coursework.models import Enrollment, StageProgress
from partnerships.common.errors import PlannerError

Status = StageProgress.Status


def _progress(enrollment, slug):
    return StageProgress.objects.select_for_update().get(enrollment=enrollment, stage=slug)


@transaction.atomic
def stage_touch(*, enrollment, stage):
    """Record that the teacher worked on a stage: not started → in progress."""
    now = timezone.now()
    StageProgress.objects.filter(enrollment=enrollment, stage=stage, status=Status.NOT_STARTED).update(
        status=Status.IN_PROGRESS, started_at=now, updated_at=now
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)


@transaction.atomic
def stage_submit(*, enrollment, stage, can_submit=None):
    """The teacher marks the stage ready for review.

    `can_submit` is an optional callable returning an error message or None, so each
    stage can insist on its own minimum of real work before it is submitted.
    """
    progress = _progress(enrollment, stage)
    if progress.status in (Status.SUBMITTED, Status.COMPLETE):
        raise PlannerError("This stage is already marked ready for review.")
    problem = can_submit() if can_submit else None
    if problem:
        raise PlannerError(problem)
    now = timezone.now()
    progress.status = Status.SUBMITTED
    progress.started_at = progress.started_at or now
    progress.submitted_at = now
    progress.save(update_fields=["status", "started_at", "submitted_at", "updated_at"])
    Enrollment.objects.filter(pk=enrollment.pk).update(last_activity_at=now)
    return progress


@transaction.atomic
def stage_reopen(*, enrollment, stage):
    """The teacher takes a submitted (not yet reviewed) stage back to keep working."""
    progress = _progress(enrollment, stage)
    if progress.status != Status.SUBMITTED:
        raise PlannerError("Only a submitted stage can be taken back.")
    progress.status = Status.IN_PROGRESS
    progress.save(update_fields=["status", "updated_at"])
    return progress


@transaction.atomic
def stage_review(*, enrollment, stage, complete):
    """An instructor marks a submitted stage complete, or returns it for revision."""
    progress = _progress(enrollment, stage)
    if progress.status not in (Status.SUBMITTED, Status.COMPLETE, Status.NEEDS_REVISION):
        raise PlannerError("Only a submitted stage can be reviewed.")
    progress.status = Status.COMPLETE if complete else Status.NEEDS_REVISION
    progress.reviewed_at = timezone.now()
    progress.save(update_fields=["status", "reviewed_at", "updated_at"])
    return progress
