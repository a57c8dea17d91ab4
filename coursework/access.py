"""What each person may see or change in the course app (DESIGN.md §4).

Views get course objects only through these functions; anything outside them is 404.
"""

from django.db.models import Q

from .models import Cohort, CohortInvitation, Enrollment, Reflection


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


def reflection_reader_enrollments(user):
    """Enrollments whose reflections the person may read: their own, or as the cohort's instructor.

    Administrators and colleagues of the partnership never see a teacher's reflections.
    """
    if not user.is_authenticated:
        return Enrollment.objects.none()
    return Enrollment.objects.filter(Q(pk__in=own_enrollments(user)) | Q(pk__in=instructed_enrollments(user)))


def readable_reflections(user):
    return Reflection.objects.filter(enrollment__in=reflection_reader_enrollments(user))


def editable_reflections(user):
    """Only the teacher writes (or restores) their own reflections."""
    return Reflection.objects.filter(enrollment__in=own_enrollments(user))
