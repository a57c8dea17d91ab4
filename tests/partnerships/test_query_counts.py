"""Query-count guards for the partnership and cohort pages, at two data sizes each."""

import pytest

from partnerships.models import Membership
from tests.coursework.factories import CohortInvitationFactory, EnrollmentFactory
from tests.partnerships.factories import InvitationFactory, MembershipFactory

PARTNERSHIP_BUDGET = 18  # measured: 17 for the lead teacher (members, invitations, plan, agreement, touch points)
COHORT_BUDGET = 12  # measured: 11 (a page of teachers and of invitations, their counts, the latest upload)


def _fill_partnership(partnership, n):
    for _ in range(n):
        MembershipFactory(partnership=partnership, role=Membership.Role.COLLEAGUE)
        InvitationFactory(partnership=partnership)


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("who", ["teacher", "administrator", "instructor"])
def test_partnership_detail_budget(
    request, client_for, partnership, administrator, django_assert_max_num_queries, size, who
):
    _fill_partnership(partnership, size)
    client = client_for(request.getfixturevalue(who))
    with django_assert_max_num_queries(PARTNERSHIP_BUDGET):
        response = client.get(partnership.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_cohort_detail_budget(client_for, instructor, cohort, django_assert_max_num_queries, size):
    EnrollmentFactory.create_batch(size, cohort=cohort)
    CohortInvitationFactory.create_batch(size, cohort=cohort)
    client = client_for(instructor)
    with django_assert_max_num_queries(COHORT_BUDGET):
        response = client.get(cohort.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Resend<span") == size
