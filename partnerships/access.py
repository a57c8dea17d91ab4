"""What each person may see or change in the partnership app.

Every view gets partnership objects through these functions, so the permission matrix
(DESIGN.md §4) lives here and nowhere else. Objects outside a person's reach are simply
absent from the querysets, which views turn into 404s.
"""

from django.db.models import Q

from partnerships.models import (
    ActionPlan,
    AgendaItem,
    Comment,
    FocusArea,
    FocusAreaChoice,
    Invitation,
    Membership,
    Partnership,
    TouchPoint,
)

Role = Membership.Role


def visible_partnerships(user):
    """Partnerships the person belongs to, or follows as the teacher's instructor."""
    if not user.is_authenticated:
        return Partnership.objects.none()
    # Two small indexed subqueries rather than joins over every membership and enrollment:
    # as a subquery of other lookups the joined form scanned all partnerships (40 ms at
    # 20,000 on PostgreSQL). Enrollment is reached through the relation, not imported:
    # coursework depends on this app, never the reverse.
    enrollment = Partnership._meta.get_field("enrollments").related_model
    return Partnership.objects.filter(
        Q(pk__in=Membership.objects.filter(user=user).values("partnership_id"))
        | Q(pk__in=enrollment.objects.filter(cohort__instructors=user).values("partnership_id"))
    )


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


# Focus areas and their review (DESIGN.md §4): the lead teacher sees and edits all of
# theirs, drafts included; other members and the cohort's instructors see shared ones only.


def visible_focus_areas(user):
    if not user.is_authenticated:
        return FocusArea.objects.none()
    return FocusArea.objects.filter(
        Q(partnership__in=led_partnerships(user))
        | (Q(partnership__in=visible_partnerships(user)) & ~Q(status=FocusArea.Status.DRAFT))
    )


def editable_focus_areas(user):
    """Only the lead teacher drafts and revises focus areas."""
    if not user.is_authenticated:
        return FocusArea.objects.none()
    return FocusArea.objects.filter(partnership__in=led_partnerships(user))


def commentable_focus_areas(user):
    """Shared focus areas in partnerships the person belongs to (instructors only read)."""
    return FocusArea.objects.shared().filter(partnership__in=member_partnerships(user))


def resolvable_comments(user):
    """Clarification questions members of the partnership may mark resolved."""
    return Comment.objects.filter(kind=Comment.Kind.QUESTION, focus_area__in=commentable_focus_areas(user))


def deciding_partnerships(user):
    """Partnerships where the person may propose and confirm the chosen focus area."""
    return member_partnerships(user, roles=[Role.LEAD_TEACHER, Role.ADMINISTRATOR])


def decidable_choices(user):
    return FocusAreaChoice.objects.filter(partnership__in=deciding_partnerships(user))


def meeting_partnerships(user):
    """Partnerships whose second meeting the person may schedule and whose agenda they may edit."""
    return deciding_partnerships(user)


def editable_agenda_items(user):
    return AgendaItem.objects.filter(partnership__in=meeting_partnerships(user))


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


def visible_meetings(user):
    """Meetings of partnerships the person belongs to (or follows as the teacher's instructor).

    Members see the meeting, its agenda and shortlist; the teacher's course reflections
    live in the course app and are never reachable from here.
    """
    from partnerships.models import Meeting

    return Meeting.objects.filter(partnership__in=visible_partnerships(user))


def editable_meetings(user):
    """Meetings the lead teacher prepares: details, questions, notes and the shortlist."""
    from partnerships.models import Meeting

    return Meeting.objects.filter(partnership__in=led_partnerships(user))


def manageable_memberships(user):
    """Members (other than the lead) whom the lead teacher may give another role or remove."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(partnership__in=led_partnerships(user)).exclude(role=Role.LEAD_TEACHER)
