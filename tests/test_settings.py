"""The settings module: production refuses to start half-configured and passes check --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-the-check-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "planner.example.org",
}


def manage(*args, **env):
    # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a real
    # deployment would not have it (check --deploy rightly flags it), so leave it out.
    dropped = {"DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base.pop("PYTEST_CURRENT_TEST", None)
    base["DJANGO_TESTING"] = "0"
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_under_production_prints_no_warnings():
    result = manage("check", "--deploy", **PRODUCTION_ENV)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output and "security.W" not in output


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} must be set when DJANGO_ENV=production" in result.stderr


def test_production_values_switch_on_together():
    code = (
        "import django; django.setup();"
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.SECURE_REFERRER_POLICY, s.EMAIL_BACKEND.rsplit('.', 1)[-1], 'unsafe-inline' in str(s.CONTENT_SECURITY_POLICY),"
        " s.STORAGES['staticfiles']['BACKEND'].rsplit('.', 1)[-1])"
    )
    base = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ENV", "DEBUG"}}
    base.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="partnerships.settings", DJANGO_TESTING="0")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "same-origin",
        "EmailBackend",
        "False",
        "CompressedManifestStaticFilesStorage",
    ]


def test_database_url_selects_postgresql_with_pooling_and_health_checks():
    code = (
        "import django; django.setup();"
        "from django.conf import settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    base = dict(os.environ)
    base.update(DJANGO_SETTINGS_MODULE="partnerships.settings", DATABASE_URL="postgres://u:p@db.example:5432/planner")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "planner", "600", "True"]


def test_sqlite_default_uses_wal(tmp_path):
    code = (
        "import django; django.setup();"
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode');"
        "print(c.fetchone()[0])"
    )
    base = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    base.update(DJANGO_SETTINGS_MODULE="partnerships.settings", SQLITE_PATH=str(tmp_path / "db.sqlite3"))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=base, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"


@pytest.mark.django_db
def test_pages_travel_compressed_to_browsers_that_accept_gzip(client_for, enrollment):
    import gzip

    client = client_for(enrollment.teacher)
    url = f"/course/enrollments/{enrollment.pk}/mindsets/"
    plain = client.get(url)
    packed = client.get(url, headers={"accept-encoding": "gzip"})
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert len(packed.content) < len(plain.content) / 3
    assert b"</html>" in gzip.decompress(packed.content)


def _run_recipe(*overrides):
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        ["make", "-n", "-B", "run", *overrides], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    return [line for line in out.splitlines() if "seed_demo" in line or "db_worker" in line or "SITE_URL" in line]


def test_make_run_links_follow_the_served_port():
    """Emails sent in development point at the port `make run PORT=…` serves on."""
    lines = _run_recipe("PORT=8123")
    seed = next(line for line in lines if "seed_demo" in line)
    assert 'SITE_URL="http://127.0.0.1:8123"' in seed
    assert any('export SITE_URL="http://127.0.0.1:8123"' in line for line in lines)  # worker and server


def test_make_run_keeps_a_site_url_given():
    lines = _run_recipe("PORT=8123", "SITE_URL=https://planner.test")
    assert any('SITE_URL="https://planner.test"' in line for line in lines)
    assert not any("8123" in line and "SITE_URL" in line for line in lines)
