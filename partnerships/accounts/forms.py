"""Sign-in and the person's own profile."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.models import User


class EmailAuthenticationForm(PlannerForm, AuthenticationForm):
    username = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email address and password do not match an account. "
        "Check both and try again; after 5 failed tries sign-in is paused for 15 minutes.",
    }


class ProfileForm(PlannerForm, forms.ModelForm):
    text_limits = {
        "first_name": limits.NAME,
        "last_name": limits.NAME,
        "job_title": limits.TITLE,
        "school": limits.TITLE,
        "district": limits.TITLE,
    }

    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_title", "school", "district", "notification_preference"]
        widgets = {"notification_preference": forms.RadioSelect}
