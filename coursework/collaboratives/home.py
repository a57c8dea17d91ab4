"""Home-page section: the person's collaboratives and invitations waiting for them."""

from django.db.models import Count

from coursework.access import pending_collaborative_invitations
from coursework.models import CollaborativeMembership


def collaboratives_section(user):
    memberships = list(
        CollaborativeMembership.objects.filter(user=user)
        .select_related("collaborative__cohort")
        .annotate(member_count=Count("collaborative__memberships", distinct=True))
        .order_by("collaborative__name")
    )
    invitations = list(pending_collaborative_invitations(user).select_related("collaborative__cohort", "invited_by"))
    # Registered for teachers and instructors only, who may always start one.
    return {
        "order": 40,
        "template": "coursework/collaboratives/home_section.html",
        "context": {"memberships": memberships, "invitations": invitations},
    }
