"""Production settings for the load and fault runs, with one change: email stays in memory.

The invitation target sends an email per request; there is no SMTP server on loopback.
Everything else (DEBUG off, secure cookies, HSTS, CSP, cached templates, whitenoise
manifest, persistent health-checked connections) is exactly partnerships.settings.
"""

from partnerships.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
