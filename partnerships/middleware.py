import logging
import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

SESSION_STARTED_KEY = "session_started_at"


class DatabaseUnavailableMiddleware:
    """Answer a friendly 503 while the database is unreachable, instead of a 500.

    Connections are health-checked (CONN_HEALTH_CHECKS), so the next request after the
    database comes back reconnects by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            return self.unavailable(exception)
        return None

    @staticmethod
    def unavailable(exception):
        logger.warning("database unavailable: %s", exception)
        html = render_to_string("503.html")
        response = HttpResponse(html, status=503)
        response["Retry-After"] = "10"
        return response


class SessionLifetimeMiddleware:
    """End a signed-in session once it is older than SESSION_ABSOLUTE_SECONDS.

    The idle timeout is the session cookie age; this adds a hard upper bound so a
    session kept alive by constant use still ends.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get(SESSION_STARTED_KEY)
            now = time.time()
            if started is None:
                request.session[SESSION_STARTED_KEY] = now
            elif now - started > settings.SESSION_ABSOLUTE_SECONDS:
                logout(request)
                return redirect_to_login(request.get_full_path())
            # Refresh the idle clock at most once a minute, not on every request.
            last = request.session.get("last_seen_at", 0)
            if now - last > 60:
                request.session["last_seen_at"] = now
        return self.get_response(request)
