"""The one service error, the one version conflict and the helper views use to show them."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import timezone

from partnerships.common.errors import Conflict, PlannerError, advance_version, check_version, show_error
from partnerships.common.softdelete import RESTORE_WINDOW, is_restorable


class EmailForm(forms.Form):
    email = forms.EmailField()


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_conflict_is_a_planner_error_carrying_both_versions():
    row = SimpleNamespace(version=3)
    with pytest.raises(PlannerError) as caught:
        check_version(row, 2, current_value="saved text")
    conflict = caught.value
    assert isinstance(conflict, Conflict)
    assert (conflict.current, conflict.current_version, conflict.expected_version) == (row, 3, 2)
    assert conflict.current_value == "saved text"
    assert conflict.code == "conflict"


def test_advance_version_bumps_only_when_the_version_matches():
    row = SimpleNamespace(version=2, notes_version=5)
    assert advance_version(row, "2") == 3
    assert advance_version(row, 5, attr="notes_version") == 6
    with pytest.raises(Conflict):
        advance_version(row, 2)
    assert row.version == 3


def test_show_error_puts_it_at_the_field_named_by_the_service_or_the_view():
    form = EmailForm(data={"email": "a@school.test"})
    form.is_valid()
    show_error(_request(), PlannerError("Already invited.", field="email"), form=form)
    assert form.errors["email"] == ["Already invited."]

    form = EmailForm(data={"email": "a@school.test"})
    form.is_valid()
    show_error(_request(), PlannerError("Already enrolled."), form=form, field="email")
    assert form.errors["email"] == ["Already enrolled."]


def test_show_error_without_a_known_field_goes_above_the_form():
    form = EmailForm(data={"email": "a@school.test"})
    form.is_valid()
    show_error(_request(), PlannerError("Not now.", field="no_such_field"), form=form)
    assert form.non_field_errors() == ["Not now."]


def test_show_error_without_a_form_is_a_page_message():
    request = _request()
    show_error(request, PlannerError("This invitation was already accepted."))
    assert [str(m) for m in get_messages(request)] == ["This invitation was already accepted."]


def test_one_restore_window_for_every_soft_delete():
    now = timezone.now()
    assert is_restorable(now - RESTORE_WINDOW, now)
    assert not is_restorable(now - RESTORE_WINDOW - timedelta(seconds=1), now)
    assert not is_restorable(None, now)
