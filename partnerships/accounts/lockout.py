"""How django-axes names the account in a sign-in attempt.

The sign-in form posts the email address as `username`; lower-casing it means
“Jo@School.test” and “jo@school.test” count against the same account.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def lockout_username(request, credentials=None):
    field = "username"
    if credentials and credentials.get(field):
        value = credentials[field]
    else:
        value = getattr(request, "POST", {}).get(field, "") if request is not None else ""
    return (value or "").strip().lower() or None


class AddressAwareHandler(AxesDatabaseHandler):
    """Axes' database handler plus a limit per address across every account.

    Axes compares all its lockout rules with one failure limit, so an address-only rule
    would lock a whole school network after five typos. This adds a separate, higher limit
    (SIGN_IN_ADDRESS_FAILURE_LIMIT) on the failures from one address summed over accounts,
    which slows guessing across many accounts without touching the per-account rule.
    """

    def is_locked(self, request, credentials=None):
        if super().is_locked(request, credentials):
            return True
        address = getattr(request, "axes_ip_address", None)
        if not address:
            return False
        limit = settings.SIGN_IN_ADDRESS_FAILURE_LIMIT
        attempts = AccessAttempt.objects.filter(ip_address=address)
        expiration = getattr(settings, "AXES_COOLOFF_TIME", None)
        if expiration:
            attempts = attempts.filter(attempt_time__gte=timezone.now() - expiration)
        failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        if failures < limit:
            return False
        # Axes flags a lockout only when its own rules count enough failures; flag this one
        # so its middleware answers with the lockout page.
        request.axes_locked_out = True
        return True
