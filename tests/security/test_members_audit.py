"""Member role changes and removals by the lead teacher, and the staff audit page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.common.errors import PlannerError
from partnerships.members.services import membership_remove, membership_role_change
from partnerships.models import AuditEvent, Membership, Notification
from tests.partnerships.factories import UserFactory


def admin_membership(partnership, administrator):
    return Membership.objects.get(partnership=partnership, user=administrator)


def test_lead_changes_a_members_role_and_it_is_audited(client_for, teacher, partnership, administrator):
    membership = admin_membership(partnership, administrator)
    response = client_for(teacher).post(
        reverse("partnerships:member_role", args=[membership.pk]), {"role": "colleague"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Membership.Role.COLLEAGUE
    event = AuditEvent.objects.get(action="membership.role_changed")
    assert event.actor == teacher
    assert "Administrator → Colleague" in event.summary
    assert Notification.objects.filter(recipient=administrator).exists()


def test_invalid_role_changes_nothing(client_for, teacher, partnership, administrator):
    membership = admin_membership(partnership, administrator)
    for role in ["", "lead_teacher", "superuser", "x" * 10000]:
        response = client_for(teacher).post(reverse("partnerships:member_role", args=[membership.pk]), {"role": role})
        assert response.status_code == 302
        membership.refresh_from_db()
        assert membership.role == Membership.Role.ADMINISTRATOR
    assert not AuditEvent.objects.filter(action="membership.role_changed").exists()


def test_lead_cannot_be_demoted_or_removed(teacher, partnership):
    lead = Membership.objects.get(partnership=partnership, user=teacher)
    with pytest.raises(PlannerError):
        membership_role_change(membership=lead, role="colleague", actor=teacher)
    with pytest.raises(PlannerError):
        membership_remove(membership=lead, actor=teacher)


def test_lead_membership_is_not_reachable_through_the_views(client_for, teacher, partnership):
    lead = Membership.objects.get(partnership=partnership, user=teacher)
    client = client_for(teacher)
    assert client.post(reverse("partnerships:member_remove", args=[lead.pk])).status_code == 404
    assert client.post(reverse("partnerships:member_role", args=[lead.pk]), {"role": "colleague"}).status_code == 404


def test_removed_member_loses_the_partnership(client_for, teacher, partnership, administrator):
    membership = admin_membership(partnership, administrator)
    admin_client = client_for(administrator)
    assert admin_client.get(partnership.get_absolute_url()).status_code == 200
    response = client_for(teacher).post(reverse("partnerships:member_remove", args=[membership.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert admin_client.get(partnership.get_absolute_url()).status_code == 404
    event = AuditEvent.objects.get(action="membership.removed")
    assert event.actor == teacher and administrator.email in event.summary


def test_partnership_page_shows_member_controls_to_the_lead_only(client_for, teacher, partnership, administrator):
    membership = admin_membership(partnership, administrator)
    remove_url = reverse("partnerships:member_remove", args=[membership.pk])
    lead_page = client_for(teacher).get(partnership.get_absolute_url()).content.decode()
    assert remove_url in lead_page
    assert f'<label for="role-{membership.pk}"' in lead_page
    admin_page = client_for(administrator).get(partnership.get_absolute_url()).content.decode()
    assert remove_url not in admin_page


# --- The audit page ---------------------------------------------------------------------------
def make_events(count, actor, action="invitation.sent", target_type="partnerships.Invitation"):
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(actor=actor, action=action, target_type=target_type, target_id=str(i), summary=f"event {i}")
            for i in range(count)
        ]
    )


def test_audit_page_is_for_staff(client_for, teacher, staff):
    assert client_for(teacher).get(reverse("audit")).status_code == 404
    assert client_for(staff).get(reverse("audit")).status_code == 200


def test_audit_page_filters(client_for, staff, teacher, administrator):
    make_events(3, teacher)
    make_events(2, administrator, action="membership.removed", target_type="partnerships.Membership")
    old = AuditEvent.objects.create(
        actor=teacher, action="account.deactivated", target_type="partnerships.User", summary="old one"
    )
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))
    client = client_for(staff)

    def count(**params):
        response = client.get(reverse("audit"), params)
        assert response.status_code == 200
        return response.context["page"].paginator.count

    assert count() == 6
    assert count(action="membership.removed") == 2
    assert count(actor="PRINCIPAL@") == 2
    assert count(target_type="partnerships.Invitation") == 3
    today = timezone.localdate()
    assert count(since=(today - timedelta(days=1)).isoformat()) == 5
    assert count(until=(today - timedelta(days=30)).isoformat()) == 1
    assert count(since=today.isoformat(), until=today.isoformat()) == 5
    # Bad input: a clear error next to the field, never a 500.
    response = client.get(
        reverse("audit"), {"since": today.isoformat(), "until": (today - timedelta(days=2)).isoformat()}
    )
    assert "The end date is before the start date." in response.content.decode()
    for bad in [
        {"since": "2026-13-45"},
        {"action": "nope"},
        {"page": "-1"},
        {"page": "abc"},
        {"actor": "\x00<script>"},
    ]:
        assert client.get(reverse("audit"), bad).status_code == 200


def test_audit_page_escapes_and_paginates(client_for, staff, teacher):
    AuditEvent.objects.create(actor=teacher, action="x", summary="<script>alert(1)</script>")
    make_events(60, teacher)
    client = client_for(staff)
    page1 = client.get(reverse("audit")).content.decode()
    assert "<script>alert(1)</script>" not in page1
    assert "page 1 of 2" in page1
    page2 = client.get(reverse("audit"), {"page": 2, "action": "invitation.sent"})
    assert page2.context["page"].number == 2
    assert "action=invitation.sent&amp;page=1" in page2.content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_audit_page_query_budget(client_for, staff, django_assert_max_num_queries, size):
    actors = [UserFactory() for _ in range(size)]
    for actor in actors:
        make_events(1, actor)
    client = client_for(staff)
    client.get(reverse("audit"))  # session touch happens once
    with django_assert_max_num_queries(8):
        response = client.get(reverse("audit"), {"action": "invitation.sent"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == size
