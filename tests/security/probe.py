"""Run requests for the permission matrix: one case = (route, side, role, method)."""

from urllib.parse import urlparse

from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.world import MIRROR


def session_cookies(users):
    """Sign every role in once; cases reuse the session cookie on a fresh client."""
    cookies = {}
    for role, user in users.items():
        if user is None:
            cookies[role] = None
            continue
        client = Client()
        client.force_login(user)
        cookies[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


def client_with(cookie, **kwargs):
    client = Client(**kwargs)
    if cookie:
        client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    return client


def outcome(response):
    """The answer as the matrix states it: a status, or LOGIN for a sign-in redirect."""
    if response.status_code == 302:
        location = urlparse(response["Location"]).path
        if location == reverse("login"):
            return "login"
    return response.status_code


def request(client, method, url, data=None, *, body=None):
    """One request, rolled back afterwards so cases never change each other's world.

    `body`, a list, receives the response's content (for checking what it shows).
    """
    with transaction.atomic():
        try:
            response = client.get(url) if method == "GET" else client.post(url, data or {})
        except Exception as error:  # noqa: BLE001 - any exception is the finding
            transaction.set_rollback(True)
            return f"raised {type(error).__name__}: {error}"[:200]
        transaction.set_rollback(True)
    if body is not None:
        body.append(b"".join(response) if response.streaming else response.content)
    return outcome(response)


def leaked(world, role, content):
    """The canaries of private work in `content` that `role` is not entitled to read."""
    text = content.decode("utf-8", "replace")
    return [
        canary
        for side in (world.main, world.other)
        for canary, entitled in side.extra["canaries"].items()
        if role not in entitled and canary in text
    ]


def cases(name, entry, world):
    """Yield (side_name, role, method, url, expected) for every case of one route."""
    sides = [("main", world.main, lambda role: role)]
    if entry.idor:
        sides.append(("other", world.other, lambda role: MIRROR[role]))
    for side_name, side, as_role in sides:
        url = reverse(name, kwargs=entry.kwargs(side))
        data = entry.post_data(side) if entry.post_data else None
        for method in ("GET", "POST"):
            expected = entry.expected(method)
            for role in world.users:
                yield side_name, role, method, url, expected[as_role(role)], data
