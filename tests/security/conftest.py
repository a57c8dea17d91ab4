"""The permission matrix's world, built once per module (per xdist worker) instead of per test.

Each matrix case already runs its request inside a rolled-back transaction
(tests/security/probe.py), so cases cannot change the world they share; building it once
is what lets the matrix be one test per route and role.
"""

import pytest
from django.db import transaction

from partnerships.models import Membership
from tests.coursework.factories import CohortFactory, EnrollmentFactory
from tests.partnerships.factories import MembershipFactory, UserFactory
from tests.security.probe import session_cookies
from tests.security.world import build_world


def _people():
    """The same people as the function-scoped fixtures in the root conftest.py."""
    instructor = UserFactory(email="instructor@school.test", first_name="Ivy", last_name="Instructor")
    enrollment = EnrollmentFactory(
        cohort=CohortFactory(name="Fall cohort", instructors=[instructor]),
        teacher=UserFactory(email="teacher@school.test", first_name="Tess", last_name="Teacher"),
    )
    administrator = UserFactory(email="principal@school.test", first_name="Pat", last_name="Principal")
    MembershipFactory(partnership=enrollment.partnership, user=administrator, role=Membership.Role.ADMINISTRATOR)
    colleague = UserFactory(email="colleague@school.test", first_name="Cal", last_name="Colleague")
    MembershipFactory(partnership=enrollment.partnership, user=colleague, role=Membership.Role.COLLEAGUE)
    other_instructor = UserFactory(email="other.instructor@school.test", first_name="Otto", last_name="Instructor")
    other_enrollment = EnrollmentFactory(
        cohort=CohortFactory(name="Other cohort", instructors=[other_instructor]),
        teacher=UserFactory(email="other.teacher@school.test", first_name="Olga"),
    )
    other_administrator = UserFactory(email="other.principal@school.test", first_name="Oren", last_name="Principal")
    MembershipFactory(
        partnership=other_enrollment.partnership, user=other_administrator, role=Membership.Role.ADMINISTRATOR
    )
    staff = UserFactory(email="staff@school.test", is_staff=True, is_superuser=True)
    return {
        "enrollment": enrollment,
        "administrator": administrator,
        "colleague": colleague,
        "instructor": instructor,
        "other_enrollment": other_enrollment,
        "other_administrator": other_administrator,
        "other_instructor": other_instructor,
        "staff": staff,
    }


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """(world, session cookies per role), rolled back when the module's tests are done."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world(**_people())
        cookies = session_cookies(world.users)
        yield world, cookies
        transaction.set_rollback(True)
