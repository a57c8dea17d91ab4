from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from coursework.models import Cohort, CohortStage
from partnerships.models import User
from tests.coursework.factories import CohortInvitationFactory, CourseFactory
from tests.partnerships.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_URL = reverse("coursework:cohort_new")


def cohort_data(course, **extra):
    data = {
        "course": course.pk,
        "name": "Spring cohort",
        "term": "Spring 2027",
        "starts_on": "2027-01-10",
        "ends_on": "2027-04-30",
        "is_open": "on",
        "anonymous_evaluations": "on",
        "instructor_emails": "",
        "due_mindsets": "2027-01-20",
        "due_action-plan": "2027-04-01",
    }
    data.update(extra)
    return data


def test_instructor_creates_a_cohort_with_co_instructors_and_due_dates(
    client_for, instructor, cohort, django_capture_on_commit_callbacks, run_tasks
):
    colleague = UserFactory(email="co@school.test")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(instructor).post(
            NEW_URL,
            cohort_data(cohort.course, instructor_emails="CO@school.test\nnew.instructor@school.test"),
        )
    assert response.status_code == 302
    new = Cohort.objects.get(name="Spring cohort")
    assert set(new.instructors.values_list("email", flat=True)) == {
        instructor.email,
        colleague.email,
        "new.instructor@school.test",
    }
    due = dict(CohortStage.objects.filter(cohort=new).values_list("stage", "due_on"))
    assert len(due) == 8
    assert due["mindsets"] == date(2027, 1, 20) and due["research"] is None
    # The new cohort starts with the default prompts for every reflection stage.
    assert new.prompts.filter(stage="mindsets").exists()
    assert new.prompts.filter(stage="final-reflection").exists()
    invited = User.objects.get(email="new.instructor@school.test")
    assert not invited.has_usable_password()
    run_tasks()
    recipients = {m.to[0] for m in mail.outbox}
    assert "new.instructor@school.test" in recipients and colleague.email in recipients
    run_tasks()
    assert [m.to for m in mail.outbox].count(["new.instructor@school.test"]) == 1
    run_tasks()
    invite = next(m for m in mail.outbox if m.to == ["new.instructor@school.test"])
    assert "/account/password/reset/" in invite.body


def test_create_form_keeps_input_and_explains_errors(client_for, instructor, cohort):
    response = client_for(instructor).post(
        NEW_URL,
        cohort_data(cohort.course, ends_on="2026-12-01", instructor_emails="not-an-email", name="Keep me"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The end date is before the start date." in html
    assert "Not an email address: not-an-email" in html
    assert 'value="Keep me"' in html
    assert not Cohort.objects.filter(name="Keep me").exists()


def test_only_instructors_may_create_cohorts(client_for, enrollment, client):
    course = CourseFactory()
    assert client_for(enrollment.teacher).get(NEW_URL).status_code == 404
    assert client_for(enrollment.teacher).post(NEW_URL, cohort_data(course)).status_code == 404
    assert reverse("login") in client.get(NEW_URL)["Location"]
    assert not Cohort.objects.filter(name="Spring cohort").exists()


def test_edit_cohort_updates_details_and_dates(client_for, instructor, cohort):
    url = reverse("coursework:cohort_edit", args=[cohort.pk])
    client = client_for(instructor)
    assert client.get(url).status_code == 200
    response = client.post(
        url, cohort_data(cohort.course, name="Renamed", is_open="", anonymous_evaluations="", due_mindsets="")
    )
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.name, cohort.is_open, cohort.anonymous_evaluations) == ("Renamed", False, False)
    assert cohort.stage_settings.get(stage="action-plan").due_on == date(2027, 4, 1)
    assert cohort.stage_settings.get(stage="mindsets").due_on is None
    assert list(cohort.instructors.all()) == [instructor]


def test_edit_is_404_for_other_instructors_and_teachers(client_for, cohort, other_instructor, enrollment):
    url = reverse("coursework:cohort_edit", args=[cohort.pk])
    assert client_for(other_instructor).get(url).status_code == 404
    assert client_for(enrollment.teacher).get(url).status_code == 404
    assert client_for(other_instructor).post(url, cohort_data(cohort.course, name="Hijack")).status_code == 404
    cohort.refresh_from_db()
    assert cohort.name == "Fall cohort"


def test_roster_tools_still_work_on_the_cohort_page(client_for, instructor, cohort):
    CohortInvitationFactory(cohort=cohort, email="waiting@school.test")
    html = client_for(instructor).get(cohort.get_absolute_url()).content.decode()
    assert "waiting@school.test" in html
    assert reverse("coursework:cohort_dashboard", args=[cohort.pk]) in html
    assert reverse("coursework:cohort_edit", args=[cohort.pk]) in html


def test_home_links_instructor_to_dashboard(client_for, instructor, cohort):
    html = client_for(instructor).get(reverse("home")).content.decode()
    assert reverse("coursework:cohort_dashboard", args=[cohort.pk]) in html
    assert NEW_URL in html
