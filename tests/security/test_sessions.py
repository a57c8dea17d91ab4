"""Sessions and accounts (issue 8): idle timeout, absolute lifetime, sign-out and password
change end other sessions, deactivation, brute-force lockout."""

import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerships.accounts.services import account_deactivate
from partnerships.middleware import SESSION_STARTED_KEY
from partnerships.models import AuditEvent, UserSession
from tests.partnerships.factories import PASSWORD


def session_of(client):
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    return UserSession.objects.get(session_key=key)


def is_signed_in(client):
    response = client.get(reverse("profile"))
    return response.status_code == 200


def set_session_data(client, **values):
    store = client.session
    for key, value in values.items():
        store[key] = value
    store.save()


def test_documented_values():
    assert settings.SESSION_IDLE_SECONDS == 8 * 3600
    assert settings.SESSION_ABSOLUTE_SECONDS == 7 * 24 * 3600
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_SECONDS
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_ENGINE == "partnerships.accounts.sessions"


def test_session_row_records_its_person(client_for, teacher):
    client = client_for(teacher)
    assert is_signed_in(client)
    assert session_of(client).user_id == teacher.pk


def test_idle_session_ends(client_for, teacher):
    client = client_for(teacher)
    assert is_signed_in(client)
    UserSession.objects.filter(user_id=teacher.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_each_request_moves_the_idle_clock_at_most_once_a_minute(client_for, teacher):
    client = client_for(teacher)
    assert is_signed_in(client)
    # Last touched two minutes ago and about to expire: a request extends it to a full idle period.
    set_session_data(client, last_seen_at=time.time() - 120)
    UserSession.objects.filter(user_id=teacher.pk).update(expire_date=timezone.now() + timedelta(seconds=30))
    assert is_signed_in(client)
    expire = session_of(client).expire_date
    assert expire > timezone.now() + timedelta(seconds=settings.SESSION_IDLE_SECONDS - 60)
    # Touched a moment ago: the next request does not write the session again.
    UserSession.objects.filter(user_id=teacher.pk).update(expire_date=expire - timedelta(seconds=5))
    assert is_signed_in(client)
    assert session_of(client).expire_date == expire - timedelta(seconds=5)


def test_idle_expiry_is_counted_from_the_last_request_not_sign_in(client_for, teacher):
    client = client_for(teacher)
    assert is_signed_in(client)
    # Signed in long ago (but within the absolute lifetime), used two minutes ago.
    set_session_data(client, **{SESSION_STARTED_KEY: time.time() - 3 * 24 * 3600, "last_seen_at": time.time() - 120})
    assert is_signed_in(client)
    remaining = (session_of(client).expire_date - timezone.now()).total_seconds()
    assert remaining > settings.SESSION_IDLE_SECONDS - 60


def test_absolute_lifetime_ends_even_a_busy_session(client_for, teacher):
    client = client_for(teacher)
    assert is_signed_in(client)
    set_session_data(client, **{SESSION_STARTED_KEY: time.time() - settings.SESSION_ABSOLUTE_SECONDS - 1})
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not is_signed_in(client)


def test_sign_out_ends_the_persons_other_sessions(client_for, teacher, administrator):
    laptop, phone, someone_else = client_for(teacher), client_for(teacher), client_for(administrator)
    assert is_signed_in(laptop) and is_signed_in(phone) and is_signed_in(someone_else)
    response = laptop.post(reverse("logout"))
    assert response.status_code == 302
    assert not is_signed_in(laptop)
    assert not is_signed_in(phone)
    assert is_signed_in(someone_else)
    assert not UserSession.objects.filter(user_id=teacher.pk).exists()


def test_password_change_ends_other_sessions_but_keeps_this_one(client_for, teacher):
    here, elsewhere = client_for(teacher), client_for(teacher)
    assert is_signed_in(here) and is_signed_in(elsewhere)
    response = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)


def test_deactivated_user_loses_access_at_the_next_request(client_for, teacher):
    client = client_for(teacher)
    assert is_signed_in(client)
    type(teacher).objects.filter(pk=teacher.pk).update(is_active=False)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_account_deactivate_ends_sessions_and_is_audited(client_for, teacher, staff):
    client = client_for(teacher)
    assert is_signed_in(client)
    account_deactivate(user=teacher, actor=staff)
    teacher.refresh_from_db()
    assert not teacher.is_active
    assert not UserSession.objects.filter(user_id=teacher.pk).exists()
    assert not is_signed_in(client)
    event = AuditEvent.objects.get(action="account.deactivated")
    assert event.actor == staff and event.target_id == str(teacher.pk)


def test_deactivating_in_the_admin_is_audited(client_for, teacher, staff):
    from partnerships.admin import UserAdmin

    admin_client = client_for(staff)
    url = reverse("admin:partnerships_user_changelist")
    response = admin_client.post(url, {"action": "deactivate_accounts", "_selected_action": [teacher.pk, staff.pk]})
    assert response.status_code == 302
    teacher.refresh_from_db()
    staff.refresh_from_db()
    assert not teacher.is_active
    assert staff.is_active  # nobody deactivates themselves by accident
    assert AuditEvent.objects.filter(action="account.deactivated", target_id=str(teacher.pk)).count() == 1
    assert "deactivate_accounts" in UserAdmin.actions


def sign_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_five_failures_lock_sign_in_for_fifteen_minutes(teacher):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    client = Client()
    for attempt in range(4):
        response = sign_in(client, teacher.email, "wrong password")
        assert response.status_code == 200, attempt
        assert "do not match" in response.content.decode()
    response = sign_in(client, teacher.email, "wrong password")
    assert response.status_code == 429
    assert "Sign-in is paused for 15 minutes" in response.content.decode()
    # Even the right password is refused while locked.
    response = sign_in(client, teacher.email, PASSWORD)
    assert response.status_code == 429
    # Fourteen minutes later: still locked.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=14))
    assert sign_in(client, teacher.email, PASSWORD).status_code == 429
    # Sixteen minutes later: the right password works again.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = sign_in(client, teacher.email, PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_lockout_is_per_account_and_connection(teacher, administrator):
    client = Client()
    for _ in range(5):
        sign_in(client, teacher.email, "wrong password")
    assert sign_in(client, teacher.email, PASSWORD).status_code == 429
    assert sign_in(Client(), administrator.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_unknown_email_failures_do_not_crash(client):
    for _ in range(6):
        response = sign_in(client, "nobody@school.test", "x")
        assert response.status_code in (200, 429)


def test_autosave_after_idle_expiry_keeps_the_text_and_saves_after_sign_in(client_for, enrollment):
    """Typed work survives the idle timeout: the autosave says so, and saves once signed in."""
    from coursework.models import Reflection
    from tests.coursework.factories import PromptFactory

    prompt = PromptFactory(cohort=enrollment.cohort)
    url = reverse("coursework:reflection_autosave", args=[enrollment.pk, prompt.pk])
    client = client_for(enrollment.teacher)
    assert is_signed_in(client)
    UserSession.objects.filter(user_id=enrollment.teacher.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    body = {"field": "text", "value": "Half an hour of typing", "version": 0}
    response = client.post(url, body)
    assert response.status_code == 401
    assert "kept in this browser" in response.content.decode()
    assert response["X-Login-URL"] == reverse("login")
    assert not Reflection.objects.filter(enrollment=enrollment).exists()
    # Signed in again (the browser still holds the text), the same autosave succeeds.
    again = client_for(enrollment.teacher)
    assert again.post(url, body).status_code == 200
    assert Reflection.objects.get(enrollment=enrollment, prompt=prompt).text == "Half an hour of typing"
