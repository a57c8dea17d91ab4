"""The person's home page is made of sections, one per role they hold.

Apps register section providers (coursework adds the teacher's and instructor's
sections in its AppConfig.ready), so this app never imports the course app.
A provider takes the user and returns a section dict or None:
``{"order": int, "template": str, "context": {...}}``.

Each provider is registered with a `when`: a function returning an ``Exists(...)``
expression over ``OuterRef("pk")`` of the user. The home page asks every `when` in one
query, and calls only the providers of roles the person holds — so a page's query count
depends on the person's roles, not on how many sections the product has.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from partnerships.models import FocusArea, Membership, Notification, Partnership, User

# Focus areas the teacher has shared (or revised after a question) wait on the partners.
AWAITING_REVIEW = [FocusArea.Status.SHARED, FocusArea.Status.REVISED]
PARTNER_ROLES = [Membership.Role.ADMINISTRATOR, Membership.Role.COLLEAGUE, Membership.Role.EXTERNAL_PARTNER]

_providers = []


def register_section(provider, *, when=None):
    if all(p is not provider for p, _ in _providers):
        _providers.append((provider, when))
    return provider


def partnership_section(user):
    """Partnerships where the person is an administrator, colleague or outside partner."""
    memberships = list(
        Membership.objects.filter(user=user, role__in=PARTNER_ROLES)
        .select_related("partnership__lead_teacher")
        .annotate(
            awaiting_review=Count(
                "partnership__focus_areas", filter=Q(partnership__focus_areas__status__in=AWAITING_REVIEW)
            )
        )
        .order_by("-partnership__updated_at")
    )
    if not memberships:
        return None
    return {
        "order": 20,
        "template": "partnerships/home/partner_section.html",
        "context": {
            "memberships": memberships,
            "awaiting": [m for m in memberships if m.awaiting_review],
        },
    }


def led_partnership_section(user):
    partnerships = (
        # Narrowed by a subquery, not a join: a Count over "memberships" after filtering
        # on memberships__user would reuse that join and count only the person's own row.
        Partnership.objects.filter(
            pk__in=Membership.objects.filter(user=user, role=Membership.Role.LEAD_TEACHER).values("partnership_id")
        )
        .annotate(
            member_count=Count("memberships", distinct=True),
            pending_invitations=Count(
                "invitations",
                filter=Q(
                    invitations__accepted_at__isnull=True,
                    invitations__revoked_at__isnull=True,
                    invitations__expires_at__gt=timezone.now(),
                ),
                distinct=True,
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


register_section(
    led_partnership_section,
    when=lambda: Exists(Membership.objects.filter(user=OuterRef("pk"), role=Membership.Role.LEAD_TEACHER)),
)
register_section(
    partnership_section,
    when=lambda: Exists(Membership.objects.filter(user=OuterRef("pk"), role__in=PARTNER_ROLES)),
)


def held_roles(user, providers):
    """One query: which registered `when` conditions hold for this person."""
    conditions = {f"role{i}": when() for i, (_, when) in enumerate(providers) if when is not None}
    if not conditions:
        return set()
    flags = User.objects.filter(pk=user.pk).values(**conditions).first() or {}
    return {key for key, value in flags.items() if value}


def home_sections(user):
    held = held_roles(user, _providers)
    sections = [
        s
        for i, (provider, when) in enumerate(_providers)
        if when is None or f"role{i}" in held
        for s in [provider(user)]
        if s
    ]
    sections.sort(key=lambda s: s["order"])
    notifications = list(Notification.objects.filter(recipient=user).unread()[:10])
    return {"sections": sections, "notifications": notifications}
