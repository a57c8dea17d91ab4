"""Home-page sections for teachers and instructors (registered in apps.ready)."""

from django.db.models import Count, Prefetch, Q

from coursework.models import Cohort, Enrollment, StageProgress
from coursework.stages.selectors import progress_summary, stage_rows


def teacher_section(user):
    enrollments = list(
        Enrollment.objects.filter(teacher=user)
        .select_related("cohort__course", "partnership")
        .prefetch_related(
            Prefetch("progress", queryset=StageProgress.objects.order_by("id")),
            "cohort__stage_settings",
        )
    )
    if not enrollments:
        return None
    items = []
    for enrollment in enrollments:
        rows = stage_rows(enrollment)
        items.append({"enrollment": enrollment, "rows": rows, "summary": progress_summary(rows)})
    return {"order": 10, "template": "coursework/home/teacher_section.html", "context": {"items": items}}


def instructor_section(user):
    cohorts = list(
        Cohort.objects.filter(instructors=user)
        .select_related("course")
        .annotate(
            teacher_count=Count("enrollments", distinct=True),
            pending_invitations=Count(
                "invitations",
                filter=Q(invitations__accepted_at__isnull=True, invitations__revoked_at__isnull=True),
                distinct=True,
            ),
        )
    )
    if not cohorts:
        return None
    return {"order": 30, "template": "coursework/home/instructor_section.html", "context": {"cohorts": cohorts}}
