"""Background work: enqueue after the commit, retry with back-off, then fail for staff to see.

Tasks use Django's Tasks framework (the `django_tasks` backport of Django 6.0's
`django.tasks`); the default backend stores them in the database and `manage.py db_worker`
runs them (settings `TASKS`). Slow or fallible work (email, roster imports) goes here so it
never blocks or undoes what the person did.
"""

import functools
import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task as django_task

logger = logging.getLogger(__name__)

# The keyword a retried task carries to know which attempt it is on.
ATTEMPT_KWARG = "_attempt"


def enqueue_after_commit(task, *args, **kwargs):
    """Enqueue `task` once the current transaction commits (at once outside one).

    A rolled-back action enqueues nothing, and the worker never sees rows that are not
    yet committed.
    """
    transaction.on_commit(functools.partial(task.enqueue, *args, **kwargs))


def backoff_delay(attempt, *, base_seconds):
    """Seconds to wait before attempt `attempt + 1`: base, 2×base, 4×base, …"""
    return base_seconds * 2 ** (attempt - 1)


def retrying_task(*, attempts=5, backoff_seconds=30, **task_options):
    """Like `@task()`, but a failure re-enqueues the task later, up to `attempts` runs.

    Each failed run (but the last) schedules the next with `run_after` (exponential
    back-off) and finishes with a return value saying so; the last failure raises, so the
    task result is FAILED with its traceback in the admin, where staff can retry it
    (`partnerships/common/admin.py`). Backends that cannot defer (the immediate backend)
    get no retries: the first failure is final.
    """

    def decorator(func):
        @functools.wraps(func)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT_KWARG, 1)
            try:
                return func(*args, **kwargs)
            except Exception as exc:
                backend = the_task.get_backend()
                if attempt >= attempts or not backend.supports_defer:
                    logger.error("Task %s failed for good on attempt %s: %r", the_task.name, attempt, exc)
                    raise
                delay = backoff_delay(attempt, base_seconds=backoff_seconds)
                run_after = timezone.now() + timedelta(seconds=delay)
                retry = the_task.using(run_after=run_after).enqueue(*args, **kwargs, **{ATTEMPT_KWARG: attempt + 1})
                logger.warning(
                    "Task %s failed on attempt %s (%r); retry %s at %s",
                    the_task.name,
                    attempt,
                    exc,
                    retry.id,
                    run_after,
                )
                return {
                    "retried": True,
                    "attempt": attempt,
                    "error": f"{type(exc).__name__}: {exc}",
                    "next_attempt": retry.id,
                    "run_after": run_after.isoformat(),
                }

        the_task = django_task(**task_options)(run)
        return the_task

    return decorator
