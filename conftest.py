"""Shared fixtures: the people of one partnership and cohort, and of a second one.

The second partnership and cohort exist so tests can probe that nobody reaches across.
"""

import pytest

from partnerships.models import Membership
from tests.coursework.factories import CohortFactory, EnrollmentFactory
from tests.partnerships.factories import MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _email_and_site(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "http://testserver"


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
