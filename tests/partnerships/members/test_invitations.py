"""Partnership invitations: create, resend, revoke, accept, and who may do what."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from partnerships.common.errors import PlannerError
from partnerships.members import services
from partnerships.models import Invitation, Membership, User
from tests.partnerships.factories import PASSWORD, InvitationFactory, UserFactory


def token_from(message):
    return re.search(r"/invitations/([\w-]+)/", message.body).group(1)


def invite(client, partnership, email="pat.new@school.test", role="administrator"):
    return client.post(reverse("partnerships:invite", args=[partnership.pk]), {"email": email, "role": role})


# --- creating, resending, revoking ----------------------------------------------------


def test_lead_teacher_invites_an_administrator_by_email(client_for, teacher, partnership, run_tasks):
    response = invite(client_for(teacher), partnership, email="Pat.New@School.test")
    assert response.status_code == 302
    assert response["Location"] == partnership.get_absolute_url()
    invitation = Invitation.objects.get(partnership=partnership)
    assert invitation.email == "pat.new@school.test"
    assert invitation.role == Membership.Role.ADMINISTRATOR
    assert invitation.is_pending
    assert timedelta(days=13, hours=23) < invitation.expires_at - timezone.now() <= timedelta(days=14)
    run_tasks()
    assert len(mail.outbox) == 1
    run_tasks()
    message = mail.outbox[0]
    assert message.to == ["pat.new@school.test"]
    assert partnership.title in message.body
    assert f"http://testserver/invitations/{token_from(message)}/" in message.body
    # Only a hash of the token is stored.
    assert token_from(message) not in invitation.token_hash

    page = client_for(teacher).get(partnership.get_absolute_url()).content.decode()
    assert "pat.new@school.test" in page and "Pending" in page


def test_colleague_invitation(client_for, teacher, partnership):
    invite(client_for(teacher), partnership, email="cal@school.test", role="colleague")
    assert Invitation.objects.get(email="cal@school.test").role == Membership.Role.COLLEAGUE


def test_inviting_an_existing_member_is_refused_next_to_the_field(client_for, teacher, partnership, administrator):
    response = invite(client_for(teacher), partnership, email=administrator.email.upper())
    assert response.status_code == 200
    assert "already a member" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_bad_email_is_refused_and_kept(client_for, teacher, partnership):
    response = invite(client_for(teacher), partnership, email="not an email")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address" in body
    assert 'value="not an email"' in body


def test_a_new_invitation_replaces_the_pending_one(client_for, teacher, partnership):
    client = client_for(teacher)
    invite(client, partnership)
    invite(client, partnership)
    states = sorted(i.state for i in Invitation.objects.all())
    assert states == ["pending", "revoked"]


def test_resend_issues_a_new_link_and_the_old_one_stops_working(client, client_for, teacher, partnership, run_tasks):
    lead = client_for(teacher)
    invite(lead, partnership)
    run_tasks()
    old_token = token_from(mail.outbox[0])
    invitation = Invitation.objects.get()
    response = lead.post(reverse("partnerships:invitation_resend", args=[invitation.pk]))
    assert response["Location"] == partnership.get_absolute_url()
    run_tasks()
    assert len(mail.outbox) == 2
    run_tasks()
    new_token = token_from(mail.outbox[1])
    assert new_token != old_token
    invitation.refresh_from_db()
    assert invitation.send_count == 2
    assert client.get(reverse("invitation_accept", args=[old_token])).status_code == 404
    assert client.get(reverse("invitation_accept", args=[new_token])).status_code == 200


def test_resend_of_an_expired_invitation_makes_it_pending_again(client_for, teacher, partnership, run_tasks):
    invitation = InvitationFactory(partnership=partnership, expires_at=timezone.now() - timedelta(days=1))
    assert invitation.state == "expired"
    client_for(teacher).post(reverse("partnerships:invitation_resend", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.is_pending
    run_tasks()
    assert len(mail.outbox) == 1


def test_revoke_stops_the_link(client, client_for, teacher, partnership):
    invitation = InvitationFactory(partnership=partnership)
    response = client_for(teacher).post(reverse("partnerships:invitation_revoke", args=[invitation.pk]), follow=True)
    assert "is revoked" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    page = client.get(reverse("invitation_accept", args=[invitation.raw_token]))
    assert page.status_code == 410
    assert "This invitation was withdrawn" in page.content.decode()


def test_resend_of_a_revoked_invitation_is_refused_with_a_message(client_for, teacher, partnership):
    invitation = InvitationFactory(partnership=partnership, revoked_at=timezone.now())
    response = client_for(teacher).post(reverse("partnerships:invitation_resend", args=[invitation.pk]), follow=True)
    assert "Only an invitation that is pending or expired can be sent again" in response.content.decode()
    assert mail.outbox == []


def test_resend_and_revoke_need_post(client_for, teacher, partnership):
    invitation = InvitationFactory(partnership=partnership)
    client = client_for(teacher)
    assert client.get(reverse("partnerships:invitation_resend", args=[invitation.pk])).status_code == 405
    assert client.get(reverse("partnerships:invitation_revoke", args=[invitation.pk])).status_code == 405


# --- permissions ----------------------------------------------------------------------

NOT_LEAD = ["administrator", "colleague", "instructor", "other_teacher", "other_instructor"]


@pytest.mark.parametrize("who", NOT_LEAD)
def test_only_the_lead_teacher_may_invite(request, client_for, partnership, administrator, colleague, who):
    person = request.getfixturevalue(who)
    client = client_for(person)
    assert client.get(reverse("partnerships:invite", args=[partnership.pk])).status_code == 404
    assert invite(client, partnership).status_code == 404
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("who", NOT_LEAD)
@pytest.mark.parametrize("action", ["invitation_resend", "invitation_revoke"])
def test_only_the_lead_teacher_may_resend_or_revoke(
    request, client_for, partnership, administrator, colleague, who, action
):
    invitation = InvitationFactory(partnership=partnership)
    person = request.getfixturevalue(who)
    assert client_for(person).post(reverse(f"partnerships:{action}", args=[invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_pending and invitation.send_count == 0
    assert mail.outbox == []


def test_lead_teacher_of_another_partnership_cannot_touch_this_one(client_for, partnership, other_teacher):
    invitation = InvitationFactory(partnership=partnership)
    client = client_for(other_teacher)
    assert client.get(partnership.get_absolute_url()).status_code == 404
    assert invite(client, partnership).status_code == 404
    assert client.post(reverse("partnerships:invitation_revoke", args=[invitation.pk])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, partnership):
    invitation = InvitationFactory(partnership=partnership)
    for url in [
        partnership.get_absolute_url(),
        reverse("partnerships:invite", args=[partnership.pk]),
        reverse("partnerships:invitation_resend", args=[invitation.pk]),
        reverse("partnerships:invitation_revoke", args=[invitation.pk]),
    ]:
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    invitation.refresh_from_db()
    assert invitation.is_pending


def test_members_see_the_partnership_but_not_the_invitation_controls(client_for, partnership, administrator):
    invitation = InvitationFactory(partnership=partnership)
    body = client_for(administrator).get(partnership.get_absolute_url()).content.decode()
    assert partnership.title in body
    assert invitation.email not in body
    assert "Send invitation" not in body


# --- accepting ------------------------------------------------------------------------


def new_account(**overrides):
    data = {
        "first_name": "Pat",
        "last_name": "Newman",
        "job_title": "Principal",
        "password1": "a-good-long-passphrase",
        "password2": "a-good-long-passphrase",
    }
    data.update(overrides)
    return data


def test_new_person_sets_name_and_password_in_one_step_and_lands_on_the_partnership(client, partnership, run_tasks):
    invitation = InvitationFactory(partnership=partnership, email="pat.new@school.test")
    url = reverse("invitation_accept", args=[invitation.raw_token])
    page = client.get(url).content.decode()
    assert "Create my account and join" in page
    assert "pat.new@school.test" in page

    response = client.post(url, new_account(), follow=True)
    assert response.redirect_chain[-1][0] == partnership.get_absolute_url()
    body = response.content.decode()
    assert f"<h1>{partnership.title}</h1>" in body
    assert "Welcome! You have joined" in body

    person = User.objects.get(email="pat.new@school.test")
    assert (person.first_name, person.last_name, person.job_title) == ("Pat", "Newman", "Principal")
    assert person.check_password("a-good-long-passphrase")
    assert Membership.objects.get(partnership=partnership, user=person).role == Membership.Role.ADMINISTRATOR
    invitation.refresh_from_db()
    assert invitation.state == "accepted" and invitation.accepted_by == person
    # The lead teacher hears about it.
    run_tasks()
    assert any(partnership.lead_teacher.email in m.to for m in mail.outbox)


def test_new_account_form_errors_are_next_to_the_fields_and_input_is_kept(client, partnership):
    invitation = InvitationFactory(partnership=partnership)
    url = reverse("invitation_accept", args=[invitation.raw_token])
    response = client.post(url, new_account(password2="something-else", job_title="Assistant principal"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "The two passwords are not the same." in body
    assert 'value="Assistant principal"' in body
    response = client.post(url, new_account(password1="12345678", password2="12345678"))
    assert "This password is entirely numeric." in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()
    invitation.refresh_from_db()
    assert invitation.is_pending


def test_existing_user_signs_in_then_accepts(client, partnership):
    person = UserFactory(email="existing@school.test")
    invitation = InvitationFactory(partnership=partnership, email="existing@school.test")
    url = reverse("invitation_accept", args=[invitation.raw_token])

    page = client.get(url).content.decode()
    assert "Sign in to join" in page
    assert "Create my account" not in page
    # A POST without signing in creates nothing.
    client.post(url, new_account())
    assert not Membership.objects.filter(user=person, partnership=partnership).exists()

    response = client.post(reverse("login"), {"username": person.email, "password": PASSWORD, "next": url})
    assert response["Location"] == url
    assert "Join as" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == partnership.get_absolute_url()
    assert Membership.objects.filter(user=person, partnership=partnership, role="administrator").exists()


def test_signed_in_with_another_address_is_warned(client_for, partnership):
    someone = UserFactory(email="someone.else@school.test")
    invitation = InvitationFactory(partnership=partnership, email="pat@school.test")
    page = client_for(someone).get(reverse("invitation_accept", args=[invitation.raw_token])).content.decode()
    assert "This invitation is for pat@school.test; you are signed in as someone.else@school.test." in page


def test_a_used_link_gets_the_friendly_page(client, partnership):
    invitation = InvitationFactory(partnership=partnership)
    url = reverse("invitation_accept", args=[invitation.raw_token])
    client.post(url, new_account())
    other = type(client)()
    for method in (other.get, other.post):
        response = method(url)
        assert response.status_code == 410
        assert "This invitation has already been used" in response.content.decode()


def test_an_expired_link_gets_the_friendly_page(client, partnership):
    invitation = InvitationFactory(partnership=partnership, expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(reverse("invitation_accept", args=[invitation.raw_token]), new_account())
    assert response.status_code == 410
    assert "This invitation has expired" in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


@pytest.mark.parametrize("token", ["nonsense", "x" * 300, "a-b_c"])
def test_an_unknown_link_gets_the_friendly_page(client, db, token):
    response = client.get(reverse("invitation_accept", args=[token]))
    assert response.status_code == 404
    assert "We don’t recognise this invitation link" in response.content.decode()


def test_invitation_revoked_between_showing_and_submitting(client, partnership):
    invitation = InvitationFactory(partnership=partnership)
    url = reverse("invitation_accept", args=[invitation.raw_token])
    client.get(url)
    Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    response = client.post(url, new_account())
    assert response.status_code == 410
    assert not User.objects.filter(email=invitation.email).exists()


# --- the invitation belongs to the invited address ------------------------------------


def test_signed_in_as_another_account_the_link_does_not_join(client_for, partnership):
    someone = UserFactory(email="someone.else@school.test")
    invitation = InvitationFactory(partnership=partnership, email="pat@school.test")
    client = client_for(someone)
    url = reverse("invitation_accept", args=[invitation.raw_token])
    page = client.get(url).content.decode()
    assert "This invitation is for pat@school.test; you are signed in as someone.else@school.test." in page
    assert "Join as" not in page
    assert "Sign out and continue as pat@school.test" in page

    response = client.post(url)
    assert response.status_code == 403
    assert not Membership.objects.filter(partnership=partnership, user=someone).exists()
    invitation.refresh_from_db()
    assert invitation.is_pending


def test_the_service_refuses_an_account_with_another_email(partnership):
    someone = UserFactory(email="someone.else@school.test")
    invitation = InvitationFactory(partnership=partnership, email="pat@school.test")
    with pytest.raises(PlannerError, match="pat@school.test"):
        services.invitation_accept(invitation=invitation, user=someone)
    assert not Membership.objects.filter(partnership=partnership, user=someone).exists()


def test_the_invited_address_matches_whatever_its_case(client_for, partnership):
    person = UserFactory(email="Pat.Principal@School.test")
    invitation = InvitationFactory(partnership=partnership, email="pat.principal@school.test")
    response = client_for(person).post(reverse("invitation_accept", args=[invitation.raw_token]))
    assert response["Location"] == partnership.get_absolute_url()
    assert Membership.objects.filter(partnership=partnership, user=person).exists()


def test_sign_out_and_continue_lands_on_sign_in_with_the_email_filled_in(client_for, partnership):
    UserFactory(email="pat@school.test")
    someone = UserFactory(email="someone.else@school.test")
    invitation = InvitationFactory(partnership=partnership, email="pat@school.test")
    client = client_for(someone)
    url = reverse("invitation_accept", args=[invitation.raw_token])
    response = client.post(url, {"switch_account": "1"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"]).content.decode()
    assert 'value="pat@school.test"' in page
    assert f'name="next" value="{url}"' in page
    assert not Membership.objects.filter(partnership=partnership, user=someone).exists()


def test_sign_out_and_continue_lands_on_the_sign_up_form_for_a_new_person(client_for, partnership):
    someone = UserFactory(email="someone.else@school.test")
    invitation = InvitationFactory(partnership=partnership, email="pat@school.test")
    client = client_for(someone)
    url = reverse("invitation_accept", args=[invitation.raw_token])
    response = client.post(url, {"switch_account": "1"})
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert "Create my account and join" in page and "pat@school.test" in page


# --- re-sending to another address ------------------------------------------------------


def test_resend_to_another_address_replaces_the_pending_invitation(client, client_for, teacher, partnership, run_tasks):
    invitation = InvitationFactory(partnership=partnership, email="pat@scool.test", role="colleague")
    old_url = reverse("invitation_accept", args=[invitation.raw_token])
    mail.outbox.clear()
    response = client_for(teacher).post(
        reverse("partnerships:invitation_resend", args=[invitation.pk]), {"email": "Pat@School.test"}
    )
    assert response["Location"] == partnership.get_absolute_url()
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    assert client.get(old_url).status_code == 410
    new = Invitation.objects.get(partnership=partnership, email="pat@school.test")
    assert new.is_pending and new.role == "colleague"
    run_tasks()
    assert mail.outbox[-1].to == ["pat@school.test"]
    assert client.get(reverse("invitation_accept", args=[token_from(mail.outbox[-1])])).status_code == 200


def test_resend_to_a_bad_or_member_address_is_refused(client_for, teacher, partnership, administrator):
    invitation = InvitationFactory(partnership=partnership, email="pat@scool.test")
    c = client_for(teacher)
    for email in ("not-an-email", administrator.email):
        response = c.post(
            reverse("partnerships:invitation_resend", args=[invitation.pk]), {"email": email}, follow=True
        )
        assert response.status_code == 200
        invitation.refresh_from_db()
        assert invitation.is_pending
    assert Invitation.objects.filter(partnership=partnership).count() == 1


# --- expiry follows the cohort's start ------------------------------------------------


def test_an_invitation_sent_before_the_cohort_starts_works_until_days_after_the_start(
    client_for, teacher, partnership, cohort, settings
):
    settings.INVITATION_DAYS_AFTER_COHORT_START = 14
    cohort.starts_on = timezone.localdate() + timedelta(days=60)
    cohort.save()
    invite(client_for(teacher), partnership)
    invitation = Invitation.objects.get(partnership=partnership)
    assert timezone.localtime(invitation.expires_at).date() == cohort.starts_on + timedelta(days=14)


def test_an_invitation_without_a_cohort_works_for_the_days_after_sending(client_for, db, settings):
    lead = UserFactory()
    partnership = services.partnership_create(teacher=lead, title="No course")
    invite(client_for(lead), partnership)
    invitation = Invitation.objects.get(partnership=partnership)
    assert abs(invitation.expires_at - (timezone.now() + settings.INVITATION_TTL)) < timedelta(minutes=1)
