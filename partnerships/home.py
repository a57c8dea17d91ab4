"""The person's home page is made of sections, one per role they hold.

Apps register section providers (coursework adds the teacher's and instructor's
sections in its AppConfig.ready), so this app never imports the course app.
A provider takes the user and returns a section dict or None:
``{"order": int, "template": str, "context": {...}}``.
"""

from django.db.models import Count, Q

from .models import Membership, Notification, Partnership

_providers = []


def register_section(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def partnership_section(user):
    """Partnerships where the person is an administrator, colleague or outside partner."""
    roles = [Membership.Role.ADMINISTRATOR, Membership.Role.COLLEAGUE, Membership.Role.EXTERNAL_PARTNER]
    memberships = (
        Membership.objects.filter(user=user, role__in=roles)
        .select_related("partnership__lead_teacher")
        .order_by("-partnership__updated_at")
    )
    if not memberships:
        return None
    return {
        "order": 20,
        "template": "partnerships/home/partner_section.html",
        "context": {"memberships": memberships},
    }


def led_partnership_section(user):
    partnerships = (
        Partnership.objects.filter(memberships__user=user, memberships__role=Membership.Role.LEAD_TEACHER)
        .annotate(
            member_count=Count("memberships", distinct=True),
            pending_invitations=Count(
                "invitations", filter=Q(invitations__accepted_at__isnull=True, invitations__revoked_at__isnull=True)
            ),
        )
        .order_by("-updated_at")
    )
    if not partnerships:
        return None
    return {
        "order": 15,
        "template": "partnerships/home/led_section.html",
        "context": {"partnerships": partnerships},
    }


def review_section(user):
    """Focus areas awaiting this administrator's (or colleague's) review."""
    from .models import FocusArea

    roles = [Membership.Role.ADMINISTRATOR, Membership.Role.COLLEAGUE]
    open_statuses = [FocusArea.Status.SHARED, FocusArea.Status.CLARIFICATION_REQUESTED, FocusArea.Status.REVISED]
    partnerships = (
        Partnership.objects.filter(memberships__user=user, memberships__role__in=roles)
        .annotate(awaiting=Count("focus_areas", filter=Q(focus_areas__status__in=open_statuses), distinct=True))
        .filter(awaiting__gt=0)
        .select_related("lead_teacher")
        .order_by("-updated_at")
    )
    if not partnerships:
        return None
    return {
        "order": 18,
        "template": "partnerships/review/home_section.html",
        "context": {"partnerships": partnerships},
    }


register_section(led_partnership_section)
register_section(partnership_section)
register_section(review_section)


def home_sections(user):
    sections = [s for s in (provider(user) for provider in _providers) if s]
    sections.sort(key=lambda s: s["order"])
    notifications = list(Notification.objects.filter(recipient=user).unread()[:10])
    return {"sections": sections, "notifications": notifications}
