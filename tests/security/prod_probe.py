"""Run by test_hardening under DJANGO_ENV=production: print one page's headers as JSON."""

import json
import sys

import django

django.setup()

from django.test import Client, override_settings  # noqa: E402

# The manifest comes from collectstatic at deploy time; headers do not depend on it.
PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
with override_settings(STORAGES=PLAIN_STATIC):
    response = Client().get(sys.argv[1], secure=True)
    plain = Client().get(sys.argv[1])
print(
    json.dumps(
        {
            "status": response.status_code,
            "headers": dict(response.headers),
            "plain_status": plain.status_code,
            "plain_location": plain.headers.get("Location", ""),
            "cookies": {k: dict(v) for k, v in response.cookies.items()},
        }
    )
)
