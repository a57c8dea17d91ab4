"""The roster import, run by the worker a batch at a time (coursework/courses/services.py)."""

from coursework.courses.services import roster_import_failed, roster_import_step
from coursework.models import RosterImport
from partnerships.common.tasks import retrying_task


@retrying_task(attempts=5, backoff_seconds=30)
def roster_import_run(*, roster_import_id):
    roster = RosterImport.objects.filter(pk=roster_import_id).first()
    if roster is None:
        return {"missing": roster_import_id}
    try:
        while roster_import_step(roster_import=roster):
            pass
    except Exception as exc:
        # The batches done so far are kept; the retry resumes after them.
        roster_import_failed(roster_import=roster, error=f"{type(exc).__name__}: {exc}")
        raise
    roster.refresh_from_db()
    return {"invited": roster.invited, "skipped": roster.skipped}
