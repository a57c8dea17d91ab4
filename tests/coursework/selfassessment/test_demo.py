"""seed_demo gives the main demo teacher a finished self-assessment and some research."""

import pytest
from django.core.management import call_command

from coursework.models import ChosenPractice, Enrollment, Rating, ResearchSource, StrategicGoal
from coursework.stages.checks import submit_check

pytestmark = pytest.mark.django_db


def counts():
    mine = {"self_assessment__enrollment__teacher__email": "teacher@demo.test"}
    return (
        Rating.objects.filter(**mine).count(),
        ChosenPractice.objects.filter(**mine).count(),
        ResearchSource.objects.filter(enrollment__teacher__email="teacher@demo.test").count(),
        StrategicGoal.objects.filter(enrollment__teacher__email="teacher@demo.test").count(),
    )


def test_seed_demo_fills_the_demo_teachers_inputs_once():
    call_command("seed_demo")
    enrollment = Enrollment.objects.get(teacher__email="teacher@demo.test")
    assert submit_check("self-reflection", enrollment) is None
    assert submit_check("research", enrollment) is None
    assert counts() == (27, 5, 3, 4)
    assert Rating.objects.filter(self_assessment__enrollment=enrollment).exclude(evidence="").count() == 4
    call_command("seed_demo")
    assert counts() == (27, 5, 3, 4)
