import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # A database outage noticed inside middleware (loading the session, saving it) never
    # reaches DatabaseUnavailableMiddleware.process_exception; it arrives here instead.
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        from partnerships.middleware import DatabaseUnavailableMiddleware

        return DatabaseUnavailableMiddleware.unavailable(error)
    return render(request, "500.html", status=500)
