"""What each person may see or change in the course app (DESIGN.md §4).

Views get course objects only through these functions; anything outside them is 404.
"""

from .models import Cohort, CohortInvitation, Enrollment


def taught_cohorts(user):
    """Cohorts the person teaches: they see its roster, progress and feedback."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.filter(instructors=user)


def own_enrollments(user):
    """The person's own enrollments as a teacher."""
    if not user.is_authenticated:
        return Enrollment.objects.none()
    return Enrollment.objects.filter(teacher=user)


def instructed_enrollments(user):
    """Enrollments in cohorts the person teaches (read their work, give feedback)."""
    if not user.is_authenticated:
        return Enrollment.objects.none()
    return Enrollment.objects.filter(cohort__instructors=user)


def manageable_cohort_invitations(user):
    if not user.is_authenticated:
        return CohortInvitation.objects.none()
    return CohortInvitation.objects.filter(cohort__instructors=user)


def may_create_cohorts(user):
    """Instructors (people teaching a cohort) and staff may start new cohorts."""
    if not user.is_authenticated:
        return False
    return user.is_staff or Cohort.objects.filter(instructors=user).exists()
