"""Security headers, production settings, CSRF on every unsafe method, the friendly 503."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client
from django.urls import reverse

from tests.security.matrix import ROUTES
from tests.security.probe import client_with, session_cookies
from tests.security.routes import named_routes

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path):
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "partnerships.settings",
        "SQLITE_PATH": str(tmp_path / "prod.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_TESTING", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests' live server; never in deployment
    return env


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_safe_headers(headers):
    csp = csp_directives(headers["Content-Security-Policy"])
    scripts = csp.get("script-src", csp.get("default-src"))
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "'unsafe-inline'" not in csp.get("style-src", [])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("url_name", ["login", "home", "profile", "password_reset"])
def test_security_headers_on_pages(client_for, teacher, url_name):
    response = client_for(teacher if url_name != "login" else None).get(reverse(url_name))
    assert response.status_code == 200
    assert_safe_headers(response.headers)


def test_no_inline_script_or_style_in_pages(client_for, teacher, partnership, administrator):
    for url in [reverse("home"), reverse("profile"), partnership.get_absolute_url()]:
        html = client_for(teacher).get(url).content.decode()
        assert "<script>" not in html and "<script " not in html.replace('<script src="', "")
        assert ' style="' not in html and " onclick=" not in html


def test_production_headers_hsts_and_secure_cookies(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/security/prod_probe.py"), "/account/sign-in/"],
        env=production_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["status"] == 200
    headers = data["headers"]
    assert_safe_headers(headers)
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    # Plain HTTP is sent to HTTPS.
    assert data["plain_status"] == 301 and data["plain_location"].startswith("https://")
    csrf = data["cookies"]["csrftoken"]
    assert csrf["secure"] is True and csrf["httponly"] is True


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    env = production_env(tmp_path)
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


# --- CSRF -------------------------------------------------------------------------------------
def test_csrf_is_enforced_on_every_post_route(world):
    """Every route in the matrix, posted without a CSRF token, answers 403 and writes nothing."""
    from partnerships.models import AuditEvent, Membership

    cookies = session_cookies(world.users)
    names, _ = named_routes()
    checked, failures = 0, []
    before = (AuditEvent.objects.count(), Membership.objects.count())
    for name in names:
        entry = ROUTES.get(name)
        if entry is None:
            continue
        url = reverse(name, kwargs=entry.kwargs(world.main))
        for role in ("anonymous", "owner", "instructor", "staff"):
            client = client_with(cookies[role], enforce_csrf_checks=True)
            response = client.post(url, {"role": "colleague", "email": "x@school.test"})
            checked += 1
            body = response.content.decode()
            if response.status_code == 401 and role == "anonymous":
                continue  # autosave endpoints answer the signed-out first; nothing is written
            if response.status_code != 403:
                failures.append(f"{name} as {role}: {response.status_code}")
            elif "Your form could not be sent" not in body and "this page is out of date" not in body:
                failures.append(f"{name} as {role}: 403 without a page that says what to do")
    print(f"\nCSRF: {checked} unsafe requests checked")
    assert checked > 0
    assert not failures, "\n".join(failures)
    assert (AuditEvent.objects.count(), Membership.objects.count()) == before


def test_csrf_is_enforced_on_put_patch_delete(client_for, teacher):
    client = client_with(session_cookies({"owner": teacher})["owner"], enforce_csrf_checks=True)
    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(reverse("profile")).status_code == 403


# --- The friendly 503 ---------------------------------------------------------------------------
@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError("connection already closed")])
def test_database_outage_answers_a_friendly_503(client_for, teacher, monkeypatch, error):
    import partnerships.accounts.views as account_views

    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(account_views, "render", broken)
    response = client_for(teacher).get(reverse("profile"))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    body = response.content.decode()
    assert "We’ll be back in a moment" in body
    assert "Nothing you saved before this has been lost" in body
    assert str(error) not in body  # no internals leak


def test_other_errors_are_not_disguised_as_503(client_for, teacher, monkeypatch):
    import partnerships.accounts.views as account_views

    def broken(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(account_views, "render", broken)
    client = Client(raise_request_exception=False)
    client.cookies = client_for(teacher).cookies
    assert client.get(reverse("profile")).status_code == 500


def test_database_outage_inside_middleware_also_answers_503(client_for, teacher, monkeypatch):
    """Loading the session fails before any view runs: still the friendly page, not a 500."""
    from partnerships.accounts.sessions import SessionStore

    client = Client(raise_request_exception=False)
    client.cookies = client_for(teacher).cookies

    def down(self):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(SessionStore, "load", down)
    response = client.get(reverse("profile"))
    assert response.status_code == 503
    assert "We’ll be back in a moment" in response.content.decode()
