"""Guessing across many accounts from one address is slowed, not only guessing one account."""

import pytest
from django.urls import reverse

from tests.partnerships.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password, address):
    return client.post(reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address)


def test_thirty_failures_over_thirty_accounts_lock_the_address(client):
    UserFactory(email="real@school.test")
    for i in range(30):
        assert sign_in(client, f"guess{i}@school.test", "wrong", "10.0.0.9").status_code == 200
    locked = sign_in(client, "real@school.test", PASSWORD, "10.0.0.9")
    assert locked.status_code == 429
    assert "<title>Sign-in paused" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not affected.
    assert sign_in(client, "real@school.test", PASSWORD, "10.0.0.10").status_code == 302


def test_fewer_failures_across_accounts_do_not_lock_the_address(client):
    UserFactory(email="real@school.test")
    for i in range(29):
        sign_in(client, f"guess{i}@school.test", "wrong", "10.0.0.9")
    assert sign_in(client, "real@school.test", PASSWORD, "10.0.0.9").status_code == 302


def test_one_account_from_different_addresses_behaves_as_before(client):
    UserFactory(email="jo@school.test")
    for i in range(4):
        sign_in(client, "jo@school.test", "wrong", f"10.0.1.{i}")
    # Four failures, each from its own address: nothing is locked.
    assert sign_in(client, "jo@school.test", PASSWORD, "10.0.1.99").status_code == 302
    client.logout()
    for _ in range(5):
        sign_in(client, "jo@school.test", "wrong", "10.0.2.1")
    assert sign_in(client, "jo@school.test", PASSWORD, "10.0.2.1").status_code == 429
    assert sign_in(client, "jo@school.test", PASSWORD, "10.0.2.2").status_code == 302
