import pytest
from django.urls import reverse

from coursework.demo import seed
from coursework.models import Cohort, CourseEvaluation, Feedback, StageProgress
from partnerships.models import User

pytestmark = pytest.mark.django_db


def test_demo_gives_the_instructor_a_real_dashboard_and_is_idempotent(client_for):
    seed()
    counts = (
        CourseEvaluation.objects.count(),
        Feedback.objects.count(),
        StageProgress.objects.filter(status=StageProgress.Status.SUBMITTED).count(),
    )
    assert counts == (2, 23, 2)
    seed()
    assert (
        CourseEvaluation.objects.count(),
        Feedback.objects.count(),
        StageProgress.objects.filter(status=StageProgress.Status.SUBMITTED).count(),
    ) == counts
    cohort = Cohort.objects.get()
    instructor = User.objects.get(email="instructor@demo.test")
    client = client_for(instructor)
    html = client.get(reverse("coursework:cohort_dashboard", args=[cohort.pk])).content.decode()
    assert "Showing 1–6 of 6 teachers" in html and "Overdue" in html
    html = client.get(reverse("coursework:evaluation_results", args=[cohort.pk])).content.decode()
    assert "2 evaluations received" in html
