"""What each person may see or change in the partnership app.

Every view gets partnership objects through these functions, so the permission matrix
(DESIGN.md §4) lives here and nowhere else. Objects outside a person's reach are simply
absent from the querysets, which views turn into 404s.
"""

from django.db.models import Q

from .models import Invitation, Membership, Partnership

Role = Membership.Role


def visible_partnerships(user):
    """Partnerships the person belongs to, or follows as the teacher's instructor."""
    if not user.is_authenticated:
        return Partnership.objects.none()
    return Partnership.objects.filter(Q(memberships__user=user) | Q(enrollments__cohort__instructors=user)).distinct()


def member_partnerships(user, roles=None):
    if not user.is_authenticated:
        return Partnership.objects.none()
    memberships = Membership.objects.filter(user=user)
    if roles:
        memberships = memberships.filter(role__in=roles)
    return Partnership.objects.filter(pk__in=memberships.values("partnership_id"))


def led_partnerships(user):
    """Partnerships the person leads as the teacher: they may invite and manage members."""
    return member_partnerships(user, roles=[Role.LEAD_TEACHER])


def manageable_invitations(user):
    """Invitations the lead teacher may resend or revoke."""
    return Invitation.objects.filter(partnership__in=led_partnerships(user))


def membership_for(user, partnership):
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, partnership=partnership).first()


def manageable_memberships(user):
    """Members (other than the lead) whom the lead teacher may give another role or remove."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(partnership__in=led_partnerships(user)).exclude(role=Role.LEAD_TEACHER)
