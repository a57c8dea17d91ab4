"""Every named URL answers each role as tests/security/matrix.py states, and no page it
answers with 200 shows private work the role is not entitled to (world._secrets).

One test per route and role (`-k "partnerships:review and administrator"` runs one), each
covering both sides (main, and the second partnership/cohort for IDOR) and both methods.
Set MATRIX_DUMP=1 to print the answers actually seen, as a starting point for new entries.
"""

import os

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.security.matrix import ROUTES
from tests.security.probe import cases, client_with, leaked, request
from tests.security.routes import named_routes
from tests.security.world import ROLES


def test_every_route_has_an_entry():
    names, unnamed = named_routes()
    missing = [name for name in names if name not in ROUTES]
    assert not missing, "Routes without an entry in tests/security/matrix.py ROUTES: " + ", ".join(missing)
    assert not unnamed, "Unnamed routes cannot be checked; give them a name: " + ", ".join(unnamed)
    stale = [name for name in ROUTES if name not in names]
    assert not stale, "Entries for routes that no longer exist: " + ", ".join(stale)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_answers_role_as_stated(shared_world, name, role):
    world, cookies = shared_world
    failures, seen, checked = [], [], 0
    for side, case_role, method, url, expected, data in cases(name, ROUTES[name], world):
        if case_role != role:
            continue
        body = []
        got = request(client_with(cookies[role]), method, url, data, body=body)
        checked += 1
        seen.append((side, method, got))
        if got != expected:
            failures.append(f"[{side}] {method} {url}: expected {expected}, got {got}")
        if got == 200 and (leaks := leaked(world, role, body[0])):
            failures.append(f"[{side}] {method} {url} shows private work: {leaks}")
    if os.environ.get("MATRIX_DUMP"):
        print(name, role, seen)
    assert checked > 0
    assert not failures, f"{name} as {role}:\n" + "\n".join(failures)


@pytest.mark.parametrize("who", ["anonymous", "teacher", "staff"])
def test_admin_is_staff_only(client_for, teacher, staff, who):
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
