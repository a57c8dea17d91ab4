"""Sign in, sign out, password change and reset, the lockout, and the profile page."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.partnerships.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(email="jo@school.test", first_name="Jo", last_name="Lee")


def sign_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_sign_in_with_email_lands_on_home(client, person):
    response = sign_in(client, "Jo@School.test", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    home = client.get(reverse("home"))
    assert "Welcome, Jo" in home.content.decode()


def test_wrong_password_says_so_next_to_the_form_and_keeps_the_email(client, person):
    response = sign_in(client, "jo@school.test", "not-the-password")
    body = response.content.decode()
    assert response.status_code == 200
    assert "do not match an account" in body
    assert 'value="jo@school.test"' in body
    assert "_auth_user_id" not in client.session


def test_anonymous_is_sent_to_sign_in_and_back(client, person):
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('profile')}"
    response = client.post(
        reverse("login"), {"username": "jo@school.test", "password": PASSWORD, "next": reverse("profile")}
    )
    assert response["Location"] == reverse("profile")


def test_sign_out_needs_post_and_ends_the_session(client_for, person):
    client = client_for(person)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert client.get(reverse("home")).status_code == 302


def test_password_change(client_for, person):
    client = client_for(person)
    page = client.get(reverse("password_change"))
    assert "<title>Change your password" in page.content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response["Location"] == reverse("password_change_done")
    assert "Your password is changed" in client.get(reverse("password_change_done")).content.decode()
    person.refresh_from_db()
    assert person.check_password("a-new-long-passphrase")


def test_password_change_with_wrong_old_password_is_refused_next_to_the_field(client_for, person):
    response = client_for(person).post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_password_reset_by_email(client, person):
    response = client.post(reverse("password_reset"), {"email": "jo@school.test"})
    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jo@school.test"]
    link = re.search(r"http://testserver(/account/password/reset/\S+/)", message.body).group(1)

    confirm = client.get(link, follow=True)
    assert "Choose a new password" in confirm.content.decode()
    set_password_url = confirm.redirect_chain[-1][0]
    done = client.post(
        set_password_url, {"new_password1": "fresh-passphrase-42", "new_password2": "fresh-passphrase-42"}
    )
    assert done["Location"] == reverse("password_reset_complete")
    person.refresh_from_db()
    assert person.check_password("fresh-passphrase-42")

    # The link works once.
    again = client.get(link, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@school.test"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_five_failed_sign_ins_lock_the_account_with_a_clear_page(client, person):
    for _ in range(4):
        assert sign_in(client, "jo@school.test", "wrong").status_code == 200
    locked = sign_in(client, "jo@school.test", "wrong")
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "<title>Sign-in paused" in body
    assert "Sign-in is paused for 15 minutes" in body
    # Even the right password is refused while locked.
    again = sign_in(client, "jo@school.test", PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account(client, person):
    other = UserFactory(email="someone@school.test")
    for _ in range(5):
        sign_in(client, "jo@school.test", "wrong")
    assert sign_in(client, other.email, PASSWORD).status_code == 302


def test_profile_edit(client_for, person):
    client = client_for(person)
    page = client.get(reverse("profile"))
    assert "<title>Your profile" in page.content.decode()
    response = client.post(
        reverse("profile"),
        {
            "first_name": "Joanna",
            "last_name": "Lee",
            "job_title": "Teacher Librarian",
            "school": "Hillside High",
            "district": "Riverside",
            "notification_preference": "digest",
        },
    )
    assert response["Location"] == reverse("profile")
    person.refresh_from_db()
    assert (person.first_name, person.school, person.notification_preference) == ("Joanna", "Hillside High", "digest")
    assert "Your profile is saved." in client.get(reverse("profile")).content.decode()


def test_profile_bad_input_is_shown_next_to_the_field_and_kept(client_for, person):
    response = client_for(person).post(
        reverse("profile"),
        {"first_name": "Joanna", "last_name": "Lee", "school": "Hillside", "notification_preference": "sometimes"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in body
    assert 'value="Hillside"' in body
    person.refresh_from_db()
    assert person.first_name == "Jo"


def test_lockout_ignores_the_case_of_the_email(client, person):
    for variant in ["jo@school.test", "JO@school.test", "Jo@School.Test", "jo@SCHOOL.test", "jO@school.test"]:
        sign_in(client, variant, "wrong")
    assert sign_in(client, "jo@school.test", PASSWORD).status_code == 429
