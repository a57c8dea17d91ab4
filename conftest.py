"""Shared fixtures: the people of one partnership and cohort, and of a second one.

The second partnership and cohort exist so tests can probe that nobody reaches across.
"""

from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from partnerships.models import Membership
from tests.coursework.factories import CohortFactory, EnrollmentFactory
from tests.partnerships.factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _email_and_site(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "http://testserver"


def _commit_pending():
    """Run the on-commit callbacks the test's transaction holds, as a real commit would."""
    while connection.run_on_commit:
        _sids, func, _robust = connection.run_on_commit.pop(0)
        func()


@pytest.fixture
def run_tasks(db, request):
    """Commit what the test did, then run the queued tasks with the real database worker.

    `run_tasks()` runs what is due now, as `db_worker --batch` would; `run_tasks(retries=True)`
    also runs every retry scheduled for later, until the queue is empty. Returns the
    task results, oldest first. A test that commits with `django_capture_on_commit_callbacks`
    has run its callbacks already (they stay listed on the connection), so they are not
    run twice.
    """
    commit = "django_capture_on_commit_callbacks" not in request.fixturenames

    def run(*, retries=False):
        if commit:
            _commit_pending()
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="pytest",
            excluded_queue_names=[],
        )
        # The worker closes stale connections between tasks; here it shares the test's
        # transaction, which must stay open.
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            while True:
                worker.run()
                if commit:
                    _commit_pending()
                waiting = DBTaskResult.objects.filter(status="READY")
                if not retries or not waiting.exists():
                    break
                waiting.update(run_after=timezone.now())
        return list(DBTaskResult.objects.order_by("enqueued_at"))

    return run


@pytest.fixture
def instructor(db):
    return UserFactory(email="instructor@school.test", first_name="Ivy", last_name="Instructor", job_title="Instructor")


@pytest.fixture
def cohort(instructor):
    return CohortFactory(name="Fall cohort", instructors=[instructor])


@pytest.fixture
def teacher(db):
    return UserFactory(email="teacher@school.test", first_name="Tess", last_name="Teacher")


@pytest.fixture
def enrollment(cohort, teacher):
    return EnrollmentFactory(cohort=cohort, teacher=teacher)


@pytest.fixture
def partnership(enrollment):
    return enrollment.partnership


@pytest.fixture
def administrator(partnership):
    admin = UserFactory(email="principal@school.test", first_name="Pat", last_name="Principal", job_title="Principal")
    MembershipFactory(partnership=partnership, user=admin, role=Membership.Role.ADMINISTRATOR)
    return admin


@pytest.fixture
def colleague(partnership):
    person = UserFactory(email="colleague@school.test", first_name="Cal", last_name="Colleague")
    MembershipFactory(partnership=partnership, user=person, role=Membership.Role.COLLEAGUE)
    return person


@pytest.fixture
def other_instructor(db):
    return UserFactory(email="other.instructor@school.test", first_name="Otto", last_name="Instructor")


@pytest.fixture
def other_cohort(other_instructor):
    return CohortFactory(name="Other cohort", instructors=[other_instructor])


@pytest.fixture
def other_enrollment(other_cohort):
    return EnrollmentFactory(
        cohort=other_cohort, teacher=UserFactory(email="other.teacher@school.test", first_name="Olga")
    )


@pytest.fixture
def other_teacher(other_enrollment):
    return other_enrollment.teacher


@pytest.fixture
def other_partnership(other_enrollment):
    return other_enrollment.partnership


@pytest.fixture
def other_administrator(other_partnership):
    admin = UserFactory(email="other.principal@school.test", first_name="Oren", last_name="Principal")
    MembershipFactory(partnership=other_partnership, user=admin, role=Membership.Role.ADMINISTRATOR)
    return admin


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@school.test", is_staff=True, is_superuser=True)


@pytest.fixture
def client_for(client):
    """Return a fresh test client signed in as the given user (None: anonymous)."""
    from django.test import Client

    def make(user):
        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make
