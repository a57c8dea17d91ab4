"""Cohort invitations: an instructor invites teachers one by one; who may do what."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coursework.courses import services
from coursework.models import CohortInvitation, Enrollment, StageProgress
from coursework.stages.registry import STAGES
from partnerships.common.errors import PlannerError
from partnerships.models import Membership, User
from tests.coursework.factories import CohortInvitationFactory
from tests.partnerships.factories import PASSWORD, UserFactory


def token_from(message):
    return re.search(r"/course/join/([\w-]+)/", message.body).group(1)


def new_account(**overrides):
    data = {
        "first_name": "Nia",
        "last_name": "Novak",
        "job_title": "School Librarian",
        "password1": "a-good-long-passphrase",
        "password2": "a-good-long-passphrase",
    }
    data.update(overrides)
    return data


def test_instructor_invites_a_teacher(client_for, instructor, cohort, django_capture_on_commit_callbacks, run_tasks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(instructor).post(
            reverse("coursework:cohort_invite", args=[cohort.pk]),
            {"email": "Nia@School.test", "first_name": "Nia", "last_name": "Novak"},
        )
    assert response["Location"] == cohort.get_absolute_url()
    invitation = CohortInvitation.objects.get(cohort=cohort)
    assert invitation.email == "nia@school.test" and invitation.is_pending
    run_tasks()
    assert len(mail.outbox) == 1
    run_tasks()
    assert mail.outbox[0].to == ["nia@school.test"]
    run_tasks()
    assert "Hello Nia" in mail.outbox[0].body
    page = client_for(instructor).get(cohort.get_absolute_url()).content.decode()
    assert "nia@school.test" in page and "Pending" in page


def test_bad_email_is_shown_next_to_the_field_and_kept(client_for, instructor, cohort):
    response = client_for(instructor).post(
        reverse("coursework:cohort_invite", args=[cohort.pk]), {"email": "nia at school", "first_name": "Nia"}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address" in body
    assert 'value="nia at school"' in body and 'value="Nia"' in body


def test_inviting_someone_already_enrolled_is_refused(client_for, instructor, cohort, enrollment):
    response = client_for(instructor).post(
        reverse("coursework:cohort_invite", args=[cohort.pk]), {"email": enrollment.teacher.email}
    )
    assert response.status_code == 400
    assert "already enrolled" in response.content.decode()
    assert not CohortInvitation.objects.exists()


def test_resend_and_revoke(client, client_for, instructor, cohort, django_capture_on_commit_callbacks, run_tasks):
    invitation = CohortInvitationFactory(cohort=cohort)
    lead = client_for(instructor)
    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(reverse("coursework:invitation_resend", args=[invitation.pk]))
    assert response["Location"] == cohort.get_absolute_url()
    run_tasks()
    assert len(mail.outbox) == 1
    run_tasks()
    new_token = token_from(mail.outbox[0])
    assert client.get(reverse("coursework:invitation_accept", args=[invitation.raw_token])).status_code == 404
    assert client.get(reverse("coursework:invitation_accept", args=[new_token])).status_code == 200

    lead.post(reverse("coursework:invitation_revoke", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    response = client.get(reverse("coursework:invitation_accept", args=[new_token]))
    assert response.status_code == 410
    assert "This invitation was withdrawn" in response.content.decode()


def test_new_teacher_joins_in_one_step(client, cohort):
    invitation = CohortInvitationFactory(cohort=cohort, email="nia@school.test", first_name="Nia", last_name="Novak")
    url = reverse("coursework:invitation_accept", args=[invitation.raw_token])
    page = client.get(url).content.decode()
    assert "Create my account and join" in page
    response = client.post(url, new_account(), follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    body = response.content.decode()
    assert "Welcome! You have joined" in body
    assert "Next step" in body
    person = User.objects.get(email="nia@school.test")
    enrollment = Enrollment.objects.get(cohort=cohort, teacher=person)
    assert enrollment.progress.count() == len(STAGES)
    assert Membership.objects.filter(
        partnership=enrollment.partnership, user=person, role=Membership.Role.LEAD_TEACHER
    ).exists()
    invitation.refresh_from_db()
    assert invitation.state == "accepted"


def test_existing_teacher_signs_in_then_joins(client, cohort):
    person = UserFactory(email="existing@school.test")
    invitation = CohortInvitationFactory(cohort=cohort, email="existing@school.test")
    url = reverse("coursework:invitation_accept", args=[invitation.raw_token])
    assert "Sign in to join" in client.get(url).content.decode()
    client.post(reverse("login"), {"username": person.email, "password": PASSWORD, "next": url})
    response = client.post(url)
    assert response["Location"] == reverse("home")
    assert Enrollment.objects.filter(cohort=cohort, teacher=person).exists()
    assert StageProgress.objects.filter(enrollment__teacher=person).count() == len(STAGES)


@pytest.mark.parametrize(
    ("change", "heading", "status"),
    [
        ({"accepted_at": timezone.now}, "This invitation has already been used", 410),
        ({"revoked_at": timezone.now}, "This invitation was withdrawn", 410),
        ({"expires_at": lambda: timezone.now() - timedelta(seconds=1)}, "This invitation has expired", 410),
    ],
)
def test_unusable_links_get_the_friendly_page(client, cohort, change, heading, status):
    invitation = CohortInvitationFactory(cohort=cohort)
    CohortInvitation.objects.filter(pk=invitation.pk).update(**{k: v() for k, v in change.items()})
    url = reverse("coursework:invitation_accept", args=[invitation.raw_token])
    for response in (client.get(url), client.post(url, new_account())):
        assert response.status_code == status
        assert heading in response.content.decode()
    assert not Enrollment.objects.filter(cohort=cohort).exists()


def test_unknown_link_gets_the_friendly_page(client, db):
    response = client.get(reverse("coursework:invitation_accept", args=["no-such-token"]))
    assert response.status_code == 404
    assert "We don’t recognise this invitation link" in response.content.decode()


# --- permissions ----------------------------------------------------------------------


def test_instructor_of_another_cohort_gets_404_everywhere(client_for, cohort, other_instructor):
    invitation = CohortInvitationFactory(cohort=cohort)
    client = client_for(other_instructor)
    assert client.get(cohort.get_absolute_url()).status_code == 404
    assert client.post(reverse("coursework:cohort_invite", args=[cohort.pk]), {"email": "x@y.test"}).status_code == 404
    assert client.post(reverse("coursework:roster_upload", args=[cohort.pk])).status_code == 404
    assert client.post(reverse("coursework:invitation_resend", args=[invitation.pk])).status_code == 404
    assert client.post(reverse("coursework:invitation_revoke", args=[invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert CohortInvitation.objects.count() == 1


@pytest.mark.parametrize("who", ["teacher", "administrator"])
def test_teachers_and_administrators_get_404_on_cohort_pages(request, client_for, cohort, enrollment, who):
    invitation = CohortInvitationFactory(cohort=cohort)
    client = client_for(request.getfixturevalue(who))
    assert client.get(cohort.get_absolute_url()).status_code == 404
    assert client.post(reverse("coursework:invitation_revoke", args=[invitation.pk])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, cohort):
    invitation = CohortInvitationFactory(cohort=cohort)
    for url in [
        cohort.get_absolute_url(),
        reverse("coursework:cohort_invite", args=[cohort.pk]),
        reverse("coursework:roster_upload", args=[cohort.pk]),
        reverse("coursework:invitation_resend", args=[invitation.pk]),
        reverse("coursework:invitation_revoke", args=[invitation.pk]),
    ]:
        response = client.post(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")


def test_the_join_form_starts_with_the_name_the_instructor_typed(client, cohort):
    invitation = CohortInvitationFactory(cohort=cohort, first_name="Nia", last_name="Novak")
    page = client.get(reverse("coursework:invitation_accept", args=[invitation.raw_token])).content.decode()
    assert 'value="Nia"' in page and 'value="Novak"' in page


# --- the invitation belongs to the invited address ------------------------------------


def test_signed_in_as_another_account_the_link_does_not_enrol(client_for, cohort):
    someone = UserFactory(email="someone.else@school.test")
    invitation = CohortInvitationFactory(cohort=cohort, email="nia@school.test")
    client = client_for(someone)
    url = reverse("coursework:invitation_accept", args=[invitation.raw_token])
    page = client.get(url).content.decode()
    assert "This invitation is for nia@school.test; you are signed in as someone.else@school.test." in page
    assert client.post(url).status_code == 403
    assert not Enrollment.objects.filter(cohort=cohort, teacher=someone).exists()
    with pytest.raises(PlannerError):
        services.cohort_invitation_accept(invitation=invitation, user=someone)
    assert not Enrollment.objects.filter(cohort=cohort, teacher=someone).exists()


def test_sign_out_and_continue_as_the_invited_teacher(client_for, cohort):
    someone = UserFactory(email="someone.else@school.test")
    invitation = CohortInvitationFactory(cohort=cohort, email="nia@school.test")
    client = client_for(someone)
    url = reverse("coursework:invitation_accept", args=[invitation.raw_token])
    assert client.post(url, {"switch_account": "1"})["Location"] == url
    page = client.get(url).content.decode()
    assert "Create my account and join" in page and "nia@school.test" in page


def test_resend_to_another_address_replaces_the_pending_invitation(client, client_for, instructor, cohort, run_tasks):
    invitation = CohortInvitationFactory(cohort=cohort, email="nia@scool.test", first_name="Nia")
    old_url = reverse("coursework:invitation_accept", args=[invitation.raw_token])
    mail.outbox.clear()
    response = client_for(instructor).post(
        reverse("coursework:invitation_resend", args=[invitation.pk]), {"email": "nia@school.test"}
    )
    run_tasks()
    assert response["Location"] == cohort.get_absolute_url()
    assert client.get(old_url).status_code == 410
    new = CohortInvitation.objects.get(cohort=cohort, email="nia@school.test")
    assert new.is_pending and new.first_name == "Nia"
    assert mail.outbox[-1].to == ["nia@school.test"]
    assert client.get(reverse("coursework:invitation_accept", args=[token_from(mail.outbox[-1])])).status_code == 200


def test_an_invitation_sent_before_the_cohort_starts_works_until_days_after_the_start(
    client_for, instructor, cohort, settings
):
    settings.INVITATION_DAYS_AFTER_COHORT_START = 10
    cohort.starts_on = timezone.localdate() + timedelta(days=90)
    cohort.save()
    client_for(instructor).post(reverse("coursework:cohort_invite", args=[cohort.pk]), {"email": "nia@school.test"})
    invitation = CohortInvitation.objects.get(cohort=cohort)
    assert timezone.localtime(invitation.expires_at).date() == cohort.starts_on + timedelta(days=10)


def test_moving_the_cohort_start_moves_the_pending_invitations_expiry(instructor, cohort, settings):
    settings.INVITATION_DAYS_AFTER_COHORT_START = 14
    invitation = services.cohort_invitation_create(cohort=cohort, email="nia@school.test", invited_by=instructor)
    later = timezone.localdate() + timedelta(days=45)
    details = {k: getattr(cohort, k) for k in services.COHORT_FIELDS}
    services.cohort_update(
        cohort=cohort, actor=instructor, instructor_emails=[], due_dates={}, **{**details, "starts_on": later}
    )
    invitation.refresh_from_db()
    assert timezone.localtime(invitation.expires_at).date() == later + timedelta(days=14)
