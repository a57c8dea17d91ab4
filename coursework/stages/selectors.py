"""Reads about where an enrollment stands, shared by the home page and stage pages."""

from django.utils import timezone

from coursework.models import StageProgress
from coursework.stages.registry import STAGES

Status = StageProgress.Status
# What the teacher has handed in (and not been asked to change), and what the instructor
# has accepted. A returned stage is back with the teacher, so it counts as neither.
SUBMITTED_STATUSES = (Status.SUBMITTED, Status.COMPLETE)
REVIEWED_STATUSES = (Status.COMPLETE,)
NEEDS_TEACHER_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.NEEDS_REVISION)


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
        status = record.status if record else Status.NOT_STARTED
        due_on = due.get(stage.slug)
        rows.append(
            {
                "stage": stage,
                "status": status,
                "status_label": Status(status).label,
                "due_on": due_on,
                "overdue": bool(due_on and due_on < today and status not in SUBMITTED_STATUSES),
                "submitted_at": record.submitted_at if record else None,
                "record": record,
            }
        )
    return rows


def progress_summary(rows):
    """How far a teacher is, told the same way on every page that shows it.

    `rows` are one dict per stage with at least `stage` and `status` (stage_rows, or the
    dashboard's cells). Submitted and reviewed are counted apart: the bar shows what the
    teacher did (submitted), the text adds what the instructor did (reviewed). The next
    step is the first stage that still needs the teacher: not submitted yet, taken back,
    or returned for changes; None when every stage is with the instructor or done.
    """
    total = len(rows)
    submitted = sum(1 for r in rows if r["status"] in SUBMITTED_STATUSES)
    reviewed = sum(1 for r in rows if r["status"] in REVIEWED_STATUSES)
    returned = sum(1 for r in rows if r["status"] == Status.NEEDS_REVISION)
    text = f"{submitted} of {total} stages submitted, {reviewed} reviewed"
    if returned:
        text += f", {returned} returned for changes"
    return {
        "total": total,
        "submitted": submitted,
        "reviewed": reviewed,
        "returned": returned,
        "percent": round(submitted * 100 / total) if total else 0,
        "text": text,
        "next": next((r for r in rows if r["status"] in NEEDS_TEACHER_STATUSES), None),
        "all_reviewed": total > 0 and reviewed == total,
    }
