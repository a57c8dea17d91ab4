"""The bad-input helpers themselves catch what they are meant to catch."""

import pytest
from django import forms
from django.urls import reverse
from django.utils.safestring import mark_safe

from partnerships.models import AuditEvent
from tests.security.fuzz import fuzz_form, post_hostile


class CrashingForm(forms.Form):
    name = forms.CharField(required=False)

    def clean_name(self):
        value = self.cleaned_data["name"]
        if len(value) > 50_000:
            raise RuntimeError("unbounded input")
        return value


class UnescapedForm(forms.Form):
    name = forms.CharField(required=False)

    def clean_name(self):
        raise forms.ValidationError(mark_safe(f"bad: {self.data.get('name')}"))  # noqa: S308 - the defect under test


def test_fuzz_form_finds_an_exception():
    with pytest.raises(RuntimeError):
        fuzz_form(CrashingForm, max_examples=5)


def test_fuzz_form_finds_unescaped_output():
    with pytest.raises(AssertionError, match="escaping"):
        fuzz_form(UnescapedForm, max_examples=5)


def test_post_hostile_finds_a_500_and_a_partial_write(client_for, teacher, monkeypatch):
    import partnerships.accounts.views as account_views

    class Exploding(account_views.ProfileForm):
        def is_valid(self):
            AuditEvent.objects.create(action="half", summary="written before failing")
            if "first_name" not in self.data:
                raise ValueError("missing field crashes")
            return False

    monkeypatch.setattr(account_views, "ProfileForm", Exploding)
    with pytest.raises(AssertionError) as failure:
        post_hostile(client_for(teacher), reverse("profile"), fields=["first_name"], models=[AuditEvent])
    text = str(failure.value)
    assert "raised ValueError" in text
    assert "rows changed" in text
