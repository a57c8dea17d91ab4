"""Reads about where an enrollment stands, shared by the home page and stage pages."""

from django.utils import timezone

from coursework.models import StageProgress
from coursework.stages.registry import STAGES


def stage_rows(enrollment):
    """One dict per stage in order: stage, status, label, due date, overdue flag.

    Uses prefetched `progress` and `cohort.stage_settings` when present.
    """
    progress = {p.stage: p for p in enrollment.progress.all()}
    due = {s.stage: s.due_on for s in enrollment.cohort.stage_settings.all()}
    today = timezone.localdate()
    rows = []
    for stage in STAGES:
        record = progress.get(stage.slug)
        status = record.status if record else StageProgress.Status.NOT_STARTED
        due_on = due.get(stage.slug)
        finished = status in (StageProgress.Status.SUBMITTED, StageProgress.Status.COMPLETE)
        rows.append(
            {
                "stage": stage,
                "status": status,
                "status_label": StageProgress.Status(status).label,
                "due_on": due_on,
                "overdue": bool(due_on and due_on < today and not finished),
                "submitted_at": record.submitted_at if record else None,
                "record": record,
            }
        )
    return rows
