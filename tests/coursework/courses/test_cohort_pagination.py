"""The cohort page stays one page of invitations however large the roster."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.coursework.factories import CohortInvitationFactory, EnrollmentFactory


def queries_for(client, cohort):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(cohort.get_absolute_url())
    assert response.status_code == 200
    return len(ctx), response.content.decode()


def test_cohort_page_queries_and_size_do_not_grow_with_pending_invitations(client_for, instructor, cohort):
    client = client_for(instructor)
    client.get(cohort.get_absolute_url())  # the first request of a session also saves the session
    CohortInvitationFactory.create_batch(10, cohort=cohort, invited_by=instructor)
    few, _ = queries_for(client, cohort)
    CohortInvitationFactory.create_batch(490, cohort=cohort, invited_by=instructor)
    many, page = queries_for(client, cohort)
    assert many == few
    assert page.count("Resend<span") == 50
    assert "Page 1 of 10" in page and "?invitations=2" in page


def test_cohort_page_shows_one_page_of_teachers_however_many_enrol(client_for, instructor, cohort):
    client = client_for(instructor)
    client.get(cohort.get_absolute_url())
    EnrollmentFactory.create_batch(3, cohort=cohort)
    few, _ = queries_for(client, cohort)
    EnrollmentFactory.create_batch(60, cohort=cohort)
    many, page = queries_for(client, cohort)
    assert many == few
    assert "Roster (63)" in page
    assert page.count('<li class="list-group-item">') == 50
    assert "?teachers=2" in page
    second = client.get(cohort.get_absolute_url(), {"teachers": 2}).content.decode()
    assert second.count('<li class="list-group-item">') == 13
