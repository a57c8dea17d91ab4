"""The instructor finds an overdue teacher, returns their work for revision, and the teacher sees why."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coursework.models import CohortStage, StageProgress
from tests.browser.conftest import assert_accessible, sign_in
from tests.coursework.factories import CohortFactory, EnrollmentFactory
from tests.partnerships.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_instructor_returns_overdue_teachers_work_and_teacher_sees_feedback(page, new_page):
    instructor = UserFactory(email="ivy@school.test", first_name="Ivy", last_name="Instructor")
    cohort = CohortFactory(name="Browser cohort", instructors=[instructor])
    tess = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(email="tess@school.test", first_name="Tess", last_name="Teacher")
    )
    amy = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(email="amy@school.test", first_name="Amy", last_name="Ahead")
    )
    StageProgress.objects.filter(enrollment=tess, stage="mindsets").update(
        status=StageProgress.Status.SUBMITTED, submitted_at=timezone.now()
    )
    StageProgress.objects.filter(enrollment=amy, stage__in=["mindsets", "self-reflection"]).update(
        status=StageProgress.Status.COMPLETE
    )
    CohortStage.objects.filter(cohort=cohort, stage="self-reflection").update(
        due_on=timezone.localdate() - timedelta(days=2)
    )

    sign_in(page, instructor.email, PASSWORD)
    page.get_by_role("link", name=f"Progress of {cohort}").click()
    page.get_by_role("heading", level=1, name=f"Progress: {cohort}").wait_for()
    assert_accessible(page)
    assert page.get_by_role("row", name="Amy Ahead").count() == 1

    page.get_by_label("Overdue only").check()
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_text("Showing 1–1 of 1 teacher matching the filters").wait_for()
    assert page.get_by_role("row", name="Amy Ahead").count() == 0
    assert_accessible(page)

    page.get_by_role("link", name="Tess Teacher’s stage 1").click()
    page.get_by_role("heading", level=1, name="Tess Teacher: stage 1").wait_for()
    # The instructor reads the teacher's answers, not an editable work area.
    page.get_by_role("heading", level=2, name="Answers").wait_for()
    assert page.get_by_text("Your answers save by themselves").count() == 0
    assert_accessible(page)

    page.get_by_label("Feedback for the teacher").fill("Add one example from your own school, please.")
    page.get_by_label("Return it for revision").check()
    page.get_by_role("button", name="Send feedback").click()
    page.get_by_text("Stage returned for revision").wait_for()
    assert page.get_by_text("Add one example from your own school, please.").is_visible()
    assert_accessible(page)

    teacher_page = new_page()
    sign_in(teacher_page, "tess@school.test", PASSWORD)
    assert teacher_page.get_by_text("asked for a revision of stage 1").first.is_visible()
    assert_accessible(teacher_page)
    teacher_page.goto(f"/course/enrollments/{tess.pk}/mindsets/")
    feedback = teacher_page.get_by_role("region", name="Feedback from your instructor")
    assert feedback.get_by_text("Add one example from your own school, please.").is_visible()
    assert feedback.get_by_text("Returned for revision").is_visible()
    assert_accessible(teacher_page)


def test_evaluation_and_cohort_pages_are_accessible(page, new_page):
    instructor = UserFactory(email="ivy@school.test", first_name="Ivy", last_name="Instructor")
    cohort = CohortFactory(name="Browser cohort", instructors=[instructor])
    tess = EnrollmentFactory(
        cohort=cohort, teacher=UserFactory(email="tess@school.test", first_name="Tess", last_name="Teacher")
    )

    teacher_page = new_page()
    sign_in(teacher_page, "tess@school.test", PASSWORD)
    teacher_page.goto(f"/course/enrollments/{tess.pk}/final-reflection/")
    teacher_page.get_by_role("link", name="Open the course evaluation").click()
    teacher_page.get_by_role("heading", level=1, name="Course evaluation").wait_for()
    assert_accessible(teacher_page)
    teacher_page.get_by_role("button", name="Submit my evaluation").click()
    teacher_page.get_by_text("Choose a rating from 1 to 5.").first.wait_for()
    assert_accessible(teacher_page)
    for group in teacher_page.locator("fieldset.rating").all():
        group.get_by_label("4 Agree").check()
    teacher_page.get_by_label("What worked well for you in this course?").fill("The meetings.")
    teacher_page.get_by_role("button", name="Submit my evaluation").click()
    teacher_page.get_by_text("Thank you — your evaluation is submitted.").wait_for()

    sign_in(page, instructor.email, PASSWORD)
    for path, heading in [
        (f"/course/cohorts/{cohort.pk}/evaluations/", "Course evaluations"),
        (f"/course/cohorts/{cohort.pk}/reminder-email/", "Reminder email"),
        (f"/course/cohorts/{cohort.pk}/edit/", "Edit"),
        (f"/course/cohorts/{cohort.pk}/", str(cohort)),
        ("/course/cohorts/new/", "Start a new cohort"),
    ]:
        page.goto(path)
        page.get_by_role("heading", level=1).filter(has_text=heading).wait_for()
        assert_accessible(page)
    page.goto(f"/course/cohorts/{cohort.pk}/evaluations/")
    assert page.get_by_text("The meetings.").is_visible()
    assert page.get_by_text("Mean 4.00 out of 5").first.is_visible()


def test_instructor_reminds_every_teacher_on_the_page(page):
    instructor = UserFactory(email="ivy@school.test", first_name="Ivy", last_name="Instructor")
    cohort = CohortFactory(name="Browser cohort", instructors=[instructor])
    for first in ("Tess", "Tom"):
        EnrollmentFactory(cohort=cohort, teacher=UserFactory(first_name=first, last_name="Teacher"))
    sign_in(page, instructor.email, PASSWORD)
    page.goto(f"/course/cohorts/{cohort.pk}/dashboard/")
    page.get_by_label("Select every teacher on this page").check()
    assert page.get_by_label("Select Tom Teacher").is_checked()
    page.get_by_label("Remind about stage").select_option("research")
    page.get_by_role("button", name="Send reminder").click()
    page.get_by_text("Reminder about Research sent to 2 teachers.").wait_for()
    assert page.get_by_text("Reminded 0\xa0minutes ago (Research)").count() == 2
    assert_accessible(page)
