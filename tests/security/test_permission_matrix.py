"""Every named URL answers each role as tests/security/matrix.py states (issue 8), and no
page it answers with 200 shows private work the role is not entitled to (world._secrets).

Cases: route × side (main, and the second partnership/cohort for IDOR) × role × method.
Set MATRIX_DUMP=1 to print the answers actually seen, as a starting point for new entries.
"""

import os
from collections import defaultdict

import pytest

from tests.security.matrix import ROUTES
from tests.security.probe import client_with, leaked, request, session_cookies
from tests.security.routes import named_routes


def test_every_route_has_an_entry():
    names, unnamed = named_routes()
    missing = [name for name in names if name not in ROUTES]
    assert not missing, "Routes without an entry in tests/security/matrix.py ROUTES: " + ", ".join(missing)
    assert not unnamed, "Unnamed routes cannot be checked; give them a name: " + ", ".join(unnamed)
    stale = [name for name in ROUTES if name not in names]
    assert not stale, "Entries for routes that no longer exist: " + ", ".join(stale)


def test_every_role_gets_the_stated_answer_on_every_route(world):
    cookies = session_cookies(world.users)
    names, _ = named_routes()
    failures, seen = [], defaultdict(dict)
    checked = 0
    for name in names:
        entry = ROUTES.get(name)
        if entry is None:
            continue  # reported by test_every_route_has_an_entry
        for side, role, method, url, expected, data in entry_cases(name, entry, world):
            body = []
            got = request(client_with(cookies[role]), method, url, data, body=body)
            checked += 1
            seen[(name, side, method)][role] = got
            if got != expected:
                failures.append(f"{name} [{side}] {method} {url} as {role}: expected {expected}, got {got}")
            if got == 200 and (leaks := leaked(world, role, body[0])):
                failures.append(f"{name} [{side}] {method} {url} as {role} shows private work: {leaks}")
    print(f"\npermission matrix: {checked} cases checked over {len(names)} routes")
    if os.environ.get("MATRIX_DUMP"):
        for key, answers in sorted(seen.items()):
            print(key, answers)
    assert checked > 0
    assert not failures, f"{len(failures)} of {checked} cases differ:\n" + "\n".join(failures)


def entry_cases(name, entry, world):
    from tests.security.probe import cases

    return cases(name, entry, world)


@pytest.mark.parametrize("who", ["anonymous", "teacher", "staff"])
def test_admin_is_staff_only(client_for, teacher, staff, who):
    from django.contrib import admin
    from django.urls import reverse

    user = {"anonymous": None, "teacher": teacher, "staff": staff}[who]
    client = client_for(user)
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist") for model in admin.site._registry
    ]
    for url in urls:
        response = client.get(url)
        if who == "staff":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("admin:login")), url
