"""Fill the database with believable data at scale, fast (bulk inserts).

    python -m bench.generate --teachers 2000            # cohorts of 40 plus one of 2,000
    python -m bench.generate --teachers 20000 --big-cohort 2000

Every teacher gets an account, a partnership with an administrator, an enrollment with
progress at a different stage, and (through the fillers below) the work of the stages
they have reached. Runs against whatever database the settings point at.
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta

FIRST = (
    "Aaliyah Aiden Amara Andre Beatriz Caleb Chen Chloe Dara Diego Elena Emeka Farah Gabriel Hana Ibrahim "
    "Imani Isaac Jamal Jin Kai Keisha Lena Liam Lucia Malik Mei Mira Nadia Noah Olivia Omar Priya Quinn "
    "Rafael Rosa Sami Sofia Tariq Tessa Uma Victor Wen Yara Yusuf Zoe"
).split()
LAST = (
    "Abara Adams Alvarez Bennett Brooks Castillo Chen Cohen Delgado Diaz Edwards Evans Fischer Garcia "
    "Gupta Hall Hernandez Ito Jackson Kaur Khan Kim Kowalski Lee Lopez Martin Mensah Morales Nguyen "
    "Novak Okafor Ortiz Patel Perez Reyes Rossi Sato Schmidt Silva Singh Smith Tanaka Torres Walker "
    "Wang Williams Wright Young Zhang"
).split()
SCHOOL_KINDS = ["Elementary", "Middle School", "High School", "K-8 Academy", "Intermediate School"]
PLACES = (
    "Lincoln Roosevelt Hillside Riverside Oak Grove Maple Heights Cedar Park Lakeview Brookside Sunset "
    "Washington Jefferson Franklin Highland Meadowbrook Pine Ridge Westfield Eastwood Northgate"
).split()
DISTRICTS = [
    "Riverside Unified",
    "Lakeview Public Schools",
    "North County School District",
    "Cedar Valley Unified",
    "Harbor City Schools",
]
JOBS = ["School Librarian", "Teacher Librarian", "Instructional Coach", "Teacher Leader", "Library Media Specialist"]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import django

    django.setup()


def generate(*, teachers, big_cohort, cohort_size=40, seed=7, stdout=sys.stdout):
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from bench import fillers
    from coursework.models import Cohort, CohortStage, Course, Enrollment, StageProgress
    from coursework.stages.registry import STAGES
    from partnerships.models import Membership, Partnership, User

    rng = random.Random(seed)
    started = time.monotonic()
    now = timezone.now()
    today = timezone.localdate()
    password = make_password("bench-password")
    run = User.objects.count()  # keeps emails unique when run again on the same database

    with transaction.atomic():
        course, _ = Course.objects.get_or_create(
            slug="strategic-partnerships", defaults={"title": "Building Strategic Partnerships with School Leaders"}
        )
        big = min(big_cohort, teachers)
        sizes = [big] if big else []
        rest = teachers - big
        sizes += [cohort_size] * (rest // cohort_size) + ([rest % cohort_size] if rest % cohort_size else [])

        instructors = User.objects.bulk_create(
            [
                User(
                    email=f"instructor{run + i}@bench.test",
                    first_name=rng.choice(FIRST),
                    last_name=rng.choice(LAST),
                    job_title="Course Instructor",
                    password=password,
                )
                for i in range(max(1, len(sizes) // 3 + 1))
            ],
            batch_size=1000,
        )
        cohorts = Cohort.objects.bulk_create(
            [
                Cohort(
                    course=course,
                    name=f"Cohort {run}-{i + 1}" + (" (large)" if i == 0 and big else ""),
                    term=rng.choice(["Fall 2026", "Spring 2027"]),
                    starts_on=today - timedelta(days=35),
                    ends_on=today + timedelta(days=35),
                )
                for i in range(len(sizes))
            ]
        )
        instructor_of = {c.pk: instructors[i % len(instructors)] for i, c in enumerate(cohorts)}
        Cohort.instructors.through.objects.bulk_create(
            [Cohort.instructors.through(cohort_id=pk, user_id=person.pk) for pk, person in instructor_of.items()]
        )
        CohortStage.objects.bulk_create(
            [
                CohortStage(cohort=c, stage=s.slug, due_on=today + timedelta(days=-28 + 7 * n))
                for c in cohorts
                for n, s in enumerate(STAGES)
            ],
            batch_size=2000,
        )

        def person(i, prefix, job):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            school = f"{rng.choice(PLACES)} {rng.choice(SCHOOL_KINDS)}"
            return User(
                email=f"{prefix}{run + i}@bench.test",
                first_name=first,
                last_name=last,
                job_title=job,
                school=school,
                district=rng.choice(DISTRICTS),
                password=password,
            )

        teacher_users = User.objects.bulk_create(
            [person(i, "teacher", rng.choice(JOBS)) for i in range(teachers)], batch_size=2000
        )
        admin_users = User.objects.bulk_create(
            [person(i, "principal", "Principal") for i in range(teachers)], batch_size=2000
        )
        partnerships = Partnership.objects.bulk_create(
            [
                Partnership(
                    title=f"{t.school} library and leadership",
                    lead_teacher=t,
                    school=t.school,
                    district=t.district,
                    status=rng.choice(["forming", "forming", "committed", "active"]),
                )
                for t in teacher_users
            ],
            batch_size=2000,
        )
        Membership.objects.bulk_create(
            [Membership(partnership=p, user=p.lead_teacher, role="lead_teacher") for p in partnerships]
            + [
                Membership(partnership=p, user=a, role="administrator")
                for p, a in zip(partnerships, admin_users, strict=True)
            ],
            batch_size=4000,
        )
        cohort_of = []
        for cohort, size in zip(cohorts, sizes, strict=True):
            cohort_of += [cohort] * size
        enrollments = Enrollment.objects.bulk_create(
            [
                Enrollment(
                    cohort=c,
                    teacher=t,
                    partnership=p,
                    joined_at=now - timedelta(days=30),
                    last_activity_at=now - timedelta(hours=rng.randint(1, 24 * 20)),
                )
                for c, t, p in zip(cohort_of, teacher_users, partnerships, strict=True)
            ],
            batch_size=2000,
        )
        # Every teacher at a different point of the unit: stages before `reached` are
        # complete or submitted, the reached one is in progress or needs revision.
        reached_by, current_status = {}, {}
        progress = []
        for e in enrollments:
            reached = rng.randint(0, len(STAGES))
            reached_by[e.pk] = reached
            for n, stage in enumerate(STAGES):
                if n < reached - 1:
                    status = "complete"
                elif n == reached - 1:
                    status = rng.choice(["submitted", "complete", "needs_revision"])
                elif n == reached:
                    status = rng.choice(["in_progress", "in_progress", "not_started"])
                else:
                    status = "not_started"
                if n == reached:
                    current_status[e.pk] = status
                progress.append(
                    StageProgress(
                        enrollment=e,
                        stage=stage.slug,
                        status=status,
                        started_at=now - timedelta(days=20) if status != "not_started" else None,
                        submitted_at=now - timedelta(days=5) if status in ("submitted", "complete") else None,
                    )
                )
        StageProgress.objects.bulk_create(progress, batch_size=4000)

        context = fillers.Context(
            rng=rng,
            now=now,
            today=today,
            cohorts=cohorts,
            enrollments=enrollments,
            reached=reached_by,
            teachers=teacher_users,
            administrators=admin_users,
            partnerships=partnerships,
            instructors=instructors,
            current_status=current_status,
            instructor_of=instructor_of,
        )
        total = 0
        for name, filler in fillers.FILLERS:
            t0 = time.monotonic()
            count = filler(context)
            total += count
            stdout.write(f"  {name:<28} {count:>8} rows  {time.monotonic() - t0:5.1f}s\n")

    elapsed = time.monotonic() - started
    stdout.write(
        f"Generated {teachers} teachers in {len(cohorts)} cohorts (largest {max(sizes)}), "
        f"{total} rows of stage work, in {elapsed:.1f}s\n"
    )
    return {"cohorts": cohorts, "instructors": instructors, "seconds": elapsed, "rows": total}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teachers", type=int, default=2000)
    parser.add_argument("--big-cohort", type=int, default=2000, help="size of the one large cohort")
    parser.add_argument("--cohort-size", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    setup_django()
    generate(teachers=args.teachers, big_cohort=args.big_cohort, cohort_size=args.cohort_size, seed=args.seed)


if __name__ == "__main__":
    main()
