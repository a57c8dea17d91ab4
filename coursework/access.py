"""What each person may see or change in the course app (DESIGN.md §4).

Views get course objects only through these functions; anything outside them is 404.
"""

from django.db.models import Q

from coursework.models import (
    Cohort,
    CohortInvitation,
    Collaborative,
    CollaborativeInvitation,
    CollaborativeMembership,
    Enrollment,
    Post,
    Reflection,
    Reply,
    Report,
    RosterImport,
)


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


def manageable_roster_imports(user):
    """Roster uploads of the cohorts a person teaches."""
    return RosterImport.objects.filter(cohort__in=taught_cohorts(user))


def may_create_cohorts(user):
    """Instructors (people teaching a cohort) and staff may start new cohorts."""
    if not user.is_authenticated:
        return False
    return user.is_staff or Cohort.objects.filter(instructors=user).exists()


# --- Thought-partner collaboratives ------------------------------------------------------
# Members see everything in their collaborative; the cohort's instructors may read it, set
# the prompt of the week and handle reports; nobody else reaches it (404).


def member_collaboratives(user):
    """Collaboratives the person belongs to (they may post once they agree to the norms)."""
    if not user.is_authenticated:
        return Collaborative.objects.none()
    return Collaborative.objects.filter(
        pk__in=CollaborativeMembership.objects.filter(user=user).values("collaborative_id")
    )


def instructed_collaboratives(user):
    """Collaboratives in cohorts the person teaches."""
    if not user.is_authenticated:
        return Collaborative.objects.none()
    return Collaborative.objects.filter(cohort__in=taught_cohorts(user).values("pk"))


def visible_collaboratives(user):
    """Collaboratives whose feed the person may read: members and the cohort's instructors."""
    if not user.is_authenticated:
        return Collaborative.objects.none()
    return Collaborative.objects.filter(
        Q(pk__in=CollaborativeMembership.objects.filter(user=user).values("collaborative_id"))
        | Q(cohort__in=taught_cohorts(user).values("pk"))
    )


def collaborative_cohorts(user):
    """Cohorts where the person may start a collaborative: taught or enrolled in."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    return Cohort.objects.filter(
        Q(pk__in=taught_cohorts(user).values("pk")) | Q(pk__in=own_enrollments(user).values("cohort_id"))
    )


def visible_posts(user):
    """Live posts in collaboratives the person may read."""
    return Post.objects.live().filter(collaborative__in=visible_collaboratives(user).values("pk"))


def member_posts(user):
    """Live posts in the person's own collaboratives (they may reply or report)."""
    return Post.objects.live().filter(collaborative__in=member_collaboratives(user).values("pk"))


def own_posts(user):
    """Posts the person wrote in a collaborative they still belong to (edit, delete, restore)."""
    return Post.objects.filter(author_id=user.pk, collaborative__in=member_collaboratives(user).values("pk"))


def own_replies(user):
    """Replies the person wrote in a collaborative they still belong to."""
    return Reply.objects.filter(author_id=user.pk, post__collaborative__in=member_collaboratives(user).values("pk"))


def pending_collaborative_invitations(user):
    """Invitations waiting for the person to accept or decline."""
    if not user.is_authenticated:
        return CollaborativeInvitation.objects.none()
    return CollaborativeInvitation.objects.pending().filter(invitee=user)


def instructed_reports(user):
    """Reports on posts in collaboratives of cohorts the person teaches."""
    return Report.objects.filter(post__collaborative__in=instructed_collaboratives(user).values("pk"))


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
