"""Every model has a Django admin with a working changelist, add page and search."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import transaction
from django.urls import reverse

from coursework.demo import seed
from tests.partnerships.factories import UserFactory

pytestmark = pytest.mark.django_db

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
OURS = [(m, a) for m, a in REGISTRY if m._meta.app_label in {"partnerships", "coursework"}]


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo, seeded once for the module (through the services it takes seconds) and
    rolled back when the module is done; each test runs in its own savepoint on top."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed()
        yield
        transaction.set_rollback(True)


def url(model, view):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def test_every_project_model_is_registered():
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in {"partnerships", "coursework"}
        and not model.__name__.startswith("Historical")
        and model not in admin.site._registry
    ]
    assert missing == []


@pytest.mark.parametrize(("model", "model_admin"), REGISTRY, ids=[m._meta.label for m, _ in REGISTRY])
def test_changelist_add_page_and_search_load_for_staff(client_for, staff, demo_data, model, model_admin):
    client = client_for(staff)
    response = client.get(url(model, "changelist"))
    assert response.status_code == 200
    if model_admin.search_fields:
        response = client.get(url(model, "changelist"), {"q": "demo"})
        assert response.status_code == 200
    if model_admin.has_add_permission(type("R", (), {"user": staff})()):
        assert client.get(url(model, "add")).status_code == 200
    first = model._default_manager.first()
    if first is not None:
        change = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[first.pk])
        assert client.get(change).status_code == 200


@pytest.mark.parametrize(("model", "model_admin"), OURS, ids=[m._meta.label for m, _ in OURS])
def test_project_admins_have_list_display_and_search(model, model_admin):
    assert model_admin.list_display != ("__str__",)
    assert model_admin.search_fields


def test_search_finds_by_email(client_for, staff, demo_data):
    response = client_for(staff).get(url(UserFactory._meta.model, "changelist"), {"q": "principal@demo"})
    body = response.content.decode()
    assert "principal@demo.test" in body
    assert "instructor@demo.test" not in body


def test_non_staff_cannot_open_the_admin(client_for, teacher):
    response = client_for(teacher).get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
