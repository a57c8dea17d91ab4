"""`seed_demo`: a believable cohort, the fixed demo sign-ins, idempotent, never in production."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from coursework.demo import DEMO_PASSWORD
from coursework.models import Cohort, Enrollment, StageProgress
from partnerships.models import Membership, User

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["teacher@demo.test", "principal@demo.test", "instructor@demo.test"]


def counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"partnerships", "coursework"}
    }


def seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_builds_the_demo_cohort_and_prints_the_sign_ins():
    output = seed()
    assert "Demo data is ready." in output
    assert f"password for all: {DEMO_PASSWORD}" in output
    for email in DEMO_LOGINS:
        assert email in output
        assert User.objects.get(email=email).check_password("partnership-demo")

    cohort = Cohort.objects.get()
    assert cohort.instructors.filter(email="instructor@demo.test").exists()
    assert Enrollment.objects.filter(cohort=cohort).count() >= 4
    # Teachers at different stages.
    done = {
        e.teacher.email: e.progress.filter(status=StageProgress.Status.COMPLETE).count()
        for e in Enrollment.objects.select_related("teacher")
    }
    assert len(set(done.values())) >= 3
    teacher = Enrollment.objects.get(teacher__email="teacher@demo.test")
    assert Membership.objects.filter(
        partnership=teacher.partnership, user__email="principal@demo.test", role=Membership.Role.ADMINISTRATOR
    ).exists()


def test_seed_demo_is_idempotent():
    seed()
    first = counts()
    output = seed()
    assert "Demo data was already there." in output
    assert counts() == first


def test_seed_demo_refuses_under_production_settings(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="refuses to run with DJANGO_ENV=production"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("email", "expect"),
    [
        ("teacher@demo.test", "stages complete"),
        ("principal@demo.test", "Partnerships you are part of"),
        ("instructor@demo.test", "Cohorts you teach"),
    ],
)
def test_each_demo_person_signs_in_and_sees_their_home_page(client, email, expect):
    seed()
    response = client.post(reverse("login"), {"username": email, "password": DEMO_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert expect in response.content.decode()
