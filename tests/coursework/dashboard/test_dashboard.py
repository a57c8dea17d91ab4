import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coursework.dashboard.selectors import GridFilters, due_dates, filtered_enrollments, stage_totals
from coursework.models import CohortStage, StageProgress
from tests.coursework.factories import EnrollmentFactory, bulk_enrollments
from tests.partnerships.factories import UserFactory

Status = StageProgress.Status
pytestmark = pytest.mark.django_db


def set_status(enrollment, stage, status, **dates):
    StageProgress.objects.filter(enrollment=enrollment, stage=stage).update(status=status, **dates)


def set_due(cohort, stage, days_from_today):
    CohortStage.objects.filter(cohort=cohort, stage=stage).update(
        due_on=timezone.localdate() + timedelta(days=days_from_today)
    )


def dashboard_url(cohort, **params):
    from urllib.parse import urlencode

    url = reverse("coursework:cohort_dashboard", args=[cohort.pk])
    return f"{url}?{urlencode(params)}" if params else url


@pytest.fixture
def roster(cohort, enrollment):
    """Tess (enrollment fixture) plus three more with distinct progress."""
    amy = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(first_name="Amy", last_name="Adams", email="amy@school.test")
    )
    bob = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(first_name="Bob", last_name="Brown", email="bob@school.test")
    )
    cy = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(first_name="Cy", last_name="Cole", email="cy@school.test")
    )
    for stage in ("mindsets", "self-reflection"):
        set_status(amy, stage, Status.COMPLETE)
    set_status(amy, "research", Status.SUBMITTED, submitted_at=timezone.now())
    set_status(bob, "mindsets", Status.SUBMITTED, submitted_at=timezone.now())
    set_status(cy, "mindsets", Status.IN_PROGRESS)
    set_due(cohort, "mindsets", -3)
    set_due(cohort, "self-reflection", -1)
    set_due(cohort, "research", 5)
    now = timezone.now()
    type(enrollment).objects.filter(pk=amy.pk).update(last_activity_at=now)
    type(enrollment).objects.filter(pk=bob.pk).update(last_activity_at=now - timedelta(days=10))
    return {"tess": enrollment, "amy": amy, "bob": bob, "cy": cy}


def names(cohort, **filters):
    qs = filtered_enrollments(cohort, GridFilters(**filters), due_dates(cohort))
    return [e.teacher.first_name for e in qs]


# Permissions -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["cohort_dashboard", "cohort_dashboard_csv", "reminder_template"])
def test_instructor_of_another_cohort_and_teachers_get_404(client_for, cohort, enrollment, other_instructor, name):
    url = reverse(f"coursework:{name}", args=[cohort.pk])
    assert client_for(other_instructor).get(url).status_code == 404
    assert client_for(enrollment.teacher).get(url).status_code == 404


@pytest.mark.parametrize("name", ["cohort_dashboard", "cohort_dashboard_csv", "reminders_send"])
def test_anonymous_is_sent_to_sign_in(client, cohort, name):
    url = reverse(f"coursework:{name}", args=[cohort.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_dashboard_shows_status_as_text_and_overdue_flag(client_for, instructor, cohort, roster):
    response = client_for(instructor).get(dashboard_url(cohort))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Amy Adams" in html and "Bob Brown" in html
    assert 'class="status status-submitted"><span aria-hidden="true">➜</span> Submitted' in html
    assert "Overdue" in html
    assert 'style="' not in html  # CSP: no inline styles
    assert reverse("coursework:stage_review", args=[roster["amy"].pk, "research"]) in html
    # Amy submitted three stages (two already reviewed): the bar counts what she did.
    assert '<progress class="teacher-progress" max="8" value="3"' in html
    assert "3 of 8 submitted, 2 reviewed" in html


# Filters and sorting in the database ---------------------------------------------------


def test_filter_by_stage_and_status(cohort, roster):
    assert names(cohort, stage="mindsets", status=Status.SUBMITTED) == ["Bob"]
    assert names(cohort, status=Status.SUBMITTED) == ["Amy", "Bob"]


def test_overdue_filter_overall_and_on_one_stage(cohort, roster):
    # mindsets overdue for everyone not submitted/complete: Cy (in progress) and Tess.
    assert names(cohort, overdue=True, stage="mindsets") == ["Cy", "Tess"]
    # self-reflection is overdue for all but Amy (complete).
    assert names(cohort, overdue=True) == ["Bob", "Cy", "Tess"]
    # research is not yet due: nobody is overdue on it.
    assert names(cohort, overdue=True, stage="research") == []


def test_no_activity_filter_includes_never_active(cohort, roster):
    assert names(cohort, inactive_days=7) == ["Bob", "Cy", "Tess"]


def test_search_by_name_or_email(cohort, roster):
    assert names(cohort, q="brown") == ["Bob"]
    assert names(cohort, q="cy@school") == ["Cy"]
    assert names(cohort, q="amy adams") == ["Amy"]


def test_sort_by_progress_and_activity(cohort, roster):
    assert names(cohort, sort="-progress")[0] == "Amy"
    assert names(cohort, sort="-activity")[:2] == ["Amy", "Bob"]
    assert names(cohort, sort="activity")[-2:] == ["Bob", "Amy"]
    assert names(cohort, sort="-name") == ["Tess", "Cy", "Bob", "Amy"]


def test_dashboard_view_applies_filters_and_ignores_bad_values(client_for, instructor, cohort, roster):
    client = client_for(instructor)
    html = client.get(dashboard_url(cohort, stage="mindsets", overdue="on")).content.decode()
    assert "Cy Cole" in html and "Amy Adams" not in html
    response = client.get(dashboard_url(cohort, stage="nonsense", inactive_days="abc", sort="x", page="99"))
    assert response.status_code == 200
    assert "Amy Adams" in response.content.decode()


def test_totals_per_stage(cohort, roster):
    totals = {t["stage"].slug: t for t in stage_totals(cohort, due_dates(cohort))}
    assert totals["mindsets"]["submitted"] == 1
    assert totals["mindsets"]["complete"] == 1
    assert totals["mindsets"]["overdue"] == 2
    assert totals["self-reflection"]["overdue"] == 3
    assert totals["research"]["overdue"] == 0
    assert totals["research"]["submitted"] == 1
    assert totals["mindsets"]["complete_pct"] == 25


def test_pagination_at_fifty(client_for, instructor, cohort):
    bulk_enrollments(cohort, 60)
    client = client_for(instructor)
    first = client.get(dashboard_url(cohort)).content.decode()
    assert "Showing 1–50 of 60 teachers" in first
    second = client.get(dashboard_url(cohort, page=2)).content.decode()
    assert "Showing 51–60 of 60 teachers" in second
    assert "Last00059" in second and "Last00000" not in second


# Query budget ------------------------------------------------------------------------

DASHBOARD_QUERIES = 11  # 6 for the page; session, user and a first-request session save


def _mixed(index, slug):
    return [Status.COMPLETE, Status.SUBMITTED, Status.IN_PROGRESS, Status.NOT_STARTED][(index + len(slug)) % 4]


@pytest.mark.parametrize("size", [5, 120])
def test_dashboard_query_budget_is_flat(client_for, instructor, cohort, size, django_assert_max_num_queries):
    set_due(cohort, "mindsets", -2)
    bulk_enrollments(cohort, size, status_for=_mixed, last_activity_at=timezone.now())
    client = client_for(instructor)
    for params in ({}, {"overdue": "on", "stage": "mindsets", "sort": "-progress"}, {"inactive_days": "3", "q": "1"}):
        with django_assert_max_num_queries(DASHBOARD_QUERIES):
            response = client.get(dashboard_url(cohort, **params))
        assert response.status_code == 200


def test_dashboard_with_two_thousand_teachers_keeps_the_budget(
    client_for, instructor, cohort, django_assert_max_num_queries
):
    set_due(cohort, "mindsets", -2)
    bulk_enrollments(cohort, 2000, status_for=_mixed)
    client = client_for(instructor)
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(dashboard_url(cohort, sort="progress", page=3))
    html = response.content.decode()
    assert "Showing 101–150 of 2000 teachers" in html
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("coursework:cohort_dashboard_csv", args=[cohort.pk]))
    assert response.content.decode("utf-8-sig").count("\n") == 2001


# CSV export ---------------------------------------------------------------------------


def read_csv(response):
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_export_one_row_per_teacher_with_status_and_date(client_for, instructor, cohort, roster):
    response = client_for(instructor).get(reverse("coursework:cohort_dashboard_csv", args=[cohort.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    header = rows[0]
    assert header[:6] == ["Last name", "First name", "Email", "Stages submitted", "Stages reviewed", "Last activity"]
    assert "1. Mindsets status" in header and "1. Mindsets date" in header and "8. Final reflection date" in header
    assert len(header) == 6 + 16 + 1
    by_email = {r[2]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert len(by_email) == 4
    amy = by_email["amy@school.test"]
    assert amy["Stages submitted"] == "3"
    assert amy["Stages reviewed"] == "2"
    assert amy["3. Research status"] == "Submitted"
    assert amy["3. Research date"] == timezone.localdate().isoformat()
    assert by_email["cy@school.test"]["Overdue stages"] == "1 2"


def test_csv_export_respects_filters(client_for, instructor, cohort, roster):
    url = reverse("coursework:cohort_dashboard_csv", args=[cohort.pk]) + "?stage=mindsets&status=submitted"
    rows = read_csv(client_for(instructor).get(url))
    assert [r[2] for r in rows[1:]] == ["bob@school.test"]


def test_csv_neutralises_formula_injection(client_for, instructor, cohort):
    EnrollmentFactory(
        cohort=cohort,
        teacher=UserFactory(first_name='=HYPERLINK("http://x")', last_name="+SUM(A1)", email="evil@school.test"),
    )
    rows = read_csv(client_for(instructor).get(reverse("coursework:cohort_dashboard_csv", args=[cohort.pk])))
    row = rows[1]
    assert row[0] == "'+SUM(A1)"
    assert row[1] == '\'=HYPERLINK("http://x")'


def test_csv_neutralises_a_newline_or_full_width_formula(client_for, instructor, cohort):
    # Spreadsheets skip a leading line break, and read a full-width ＝ as =.
    EnrollmentFactory(
        cohort=cohort,
        teacher=UserFactory(first_name="\n=1+1", last_name="\uff1dSUM(A1)", email="odd@school.test"),
    )
    rows = read_csv(client_for(instructor).get(reverse("coursework:cohort_dashboard_csv", args=[cohort.pk])))
    assert (rows[1][0], rows[1][1]) == ("'\uff1dSUM(A1)", "'\n=1+1")
