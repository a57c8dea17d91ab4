"""The two-sided world of the permission matrix, shared by the security and query-budget tests."""

import pytest

from tests.security.world import build_world


@pytest.fixture
def world(
    enrollment, administrator, colleague, instructor, other_enrollment, other_administrator, other_instructor, staff
):
    return build_world(
        enrollment=enrollment,
        administrator=administrator,
        colleague=colleague,
        instructor=instructor,
        other_enrollment=other_enrollment,
        other_administrator=other_administrator,
        other_instructor=other_instructor,
        staff=staff,
    )
