"""Pick the people and objects the benchmark pages need and sign them in.

Prints one JSON line: {"pages": [{name, path, cookie, kind, scale, lighthouse}, ...]}.
Run with the same environment as the server (bench.runner does this).
"""

import json
import os
import sys
import time

from django.urls import NoReverseMatch, reverse


def session_for(user):
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from partnerships.middleware import SESSION_STARTED_KEY

    # The configured engine (partnerships.sessions), so the server finds the session.
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[SESSION_STARTED_KEY] = time.time()
    session["last_seen_at"] = time.time() + 3600  # no idle-refresh writes during the run
    session.create()
    return session.session_key


def url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def build():
    from django.db.models import Count

    from coursework.models import Cohort, Enrollment, StageProgress
    from coursework.stages.registry import STAGES
    from partnerships.models import Membership, User

    big = Cohort.objects.annotate(n=Count("enrollments")).order_by("-n", "pk").first()
    small = Cohort.objects.annotate(n=Count("enrollments")).filter(n__lte=40).order_by("pk").first() or big
    # A teacher far into the unit, so every stage page has real work on it.
    advanced = (
        StageProgress.objects.filter(enrollment__cohort=big, stage="action-plan")
        .exclude(status="not_started")
        .values_list("enrollment_id", flat=True)
        .first()
    )
    enrollment = Enrollment.objects.select_related("teacher", "partnership").get(
        pk=advanced or big.enrollments.values_list("pk", flat=True).first()
    )
    teacher = enrollment.teacher
    partnership = enrollment.partnership
    administrator = (
        Membership.objects.filter(partnership=partnership, role="administrator").select_related("user").first().user
    )
    instructor = big.instructors.first()
    staff, created = User.objects.get_or_create(
        email="bench-staff@bench.test", defaults={"is_staff": True, "is_superuser": True, "first_name": "Staff"}
    )
    cookies = {
        "teacher": session_for(teacher),
        "administrator": session_for(administrator),
        "instructor": session_for(instructor),
        "small_instructor": session_for(small.instructors.first()),
        "staff": session_for(staff),
    }
    pages = [
        ("floor (bare view, same middleware)", url("ping"), "teacher", "floor", True, False),
        ("teacher home", url("home"), "teacher", "teacher", True, True),
    ]
    for stage in STAGES:
        pages.append(
            (
                f"stage {stage.number}: {stage.slug}",
                url("coursework:stage", enrollment.pk, stage.slug),
                "teacher",
                "teacher",
                True,
                stage.number in (1, 2, 5),
            )
        )
    pages += [
        ("partnership page (teacher)", url("partnerships:detail", partnership.pk), "teacher", "teacher", True, True),
        (
            "partnership page (administrator)",
            url("partnerships:detail", partnership.pk),
            "administrator",
            "administrator",
            True,
            False,
        ),
        ("administrator home", url("home"), "administrator", "administrator", True, False),
        (
            "focus-area review page",
            url("partnerships:review", partnership.pk),
            "administrator",
            "administrator",
            True,
            True,
        ),
        ("action plan page", url("partnerships:plan", partnership.pk), "teacher", "teacher", True, True),
        (
            f"instructor dashboard ({big.n:,})",
            url("coursework:cohort_dashboard", big.pk),
            "instructor",
            "instructor",
            False,
            True,
        ),
        (
            f"instructor dashboard (cohort of {small.n})",
            url("coursework:cohort_dashboard", small.pk),
            "small_instructor",
            "instructor-small",
            True,
            False,
        ),
        (
            f"admin changelist ({big.n:,}) [peer]",
            f"{url('admin:coursework_enrollment_changelist')}?cohort__id__exact={big.pk}",
            "staff",
            "peer",
            False,
            False,
        ),
    ]
    return {
        "pages": [
            {"name": n, "path": p, "cookie": cookies[who], "kind": kind, "scale": scale, "lighthouse": lh}
            for n, p, who, kind, scale, lh in pages
            if p is not None
        ],
        "missing": [n for n, p, *_ in pages if p is None],
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import django

    django.setup()
    print(json.dumps(build()))
