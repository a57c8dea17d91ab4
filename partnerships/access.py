"""What each person may see or change in the partnership app.

Every view gets partnership objects through these functions, so the permission matrix
(DESIGN.md §4) lives here and nowhere else. Objects outside a person's reach are simply
absent from the querysets, which views turn into 404s.
"""

from django.db.models import Q

from .models import ActionPlan, Invitation, Membership, Partnership, TouchPoint

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


# --- Action plan and the lasting partnership (issue 5) --------------------------------
# Members and the teacher's instructors see the plan; the lead teacher and the
# administrators edit it (and the agreement, stakeholders, partners, touch points);
# every member may comment. Anyone else gets a 404.
PLAN_EDITOR_ROLES = [Role.LEAD_TEACHER, Role.ADMINISTRATOR]


def editable_partnerships(user):
    """Partnerships whose plan, agreement, stakeholders and touch points the person edits."""
    return member_partnerships(user, roles=PLAN_EDITOR_ROLES)


def visible_plans(user):
    return ActionPlan.objects.filter(partnership__in=visible_partnerships(user))


def editable_plans(user):
    return ActionPlan.objects.filter(partnership__in=editable_partnerships(user))


def commentable_plans(user):
    """Plans of partnerships the person is a member of, in any role."""
    return ActionPlan.objects.filter(partnership__in=member_partnerships(user))


def can_edit_partnership(user, partnership):
    membership = membership_for(user, partnership)
    return membership is not None and membership.role in PLAN_EDITOR_ROLES


def visible_touch_points(user):
    return TouchPoint.objects.alive().filter(partnership__in=visible_partnerships(user))
