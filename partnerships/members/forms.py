from django import forms
from django.contrib.auth import password_validation

from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.models import Invitation, Membership, Partnership, User


class PartnershipForm(PlannerForm, forms.ModelForm):
    text_limits = {"title": limits.TITLE, "school": limits.TITLE, "district": limits.TITLE}

    class Meta:
        model = Partnership
        fields = ["title", "school", "district"]
        labels = {"title": "Name for this partnership"}
        help_texts = {"title": "For example: “Library and Lincoln Middle leadership, 2026–27”."}


class InvitationForm(PlannerForm, forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        labels = {"email": "Their email address", "role": "They join as"}

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.partnership and self.partnership.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError("This person is already a member of the partnership.")
        return email


class InvitationResendForm(PlannerForm, forms.Form):
    """Send an invitation again, optionally to another address (used by both kinds)."""

    email = forms.EmailField(
        label="Send to another address instead", required=False, help_text="Leave empty to send to the same address."
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class NewAccountForm(PlannerForm, forms.Form):
    """Set a name and password in one step when accepting an invitation."""

    first_name = forms.CharField(max_length=limits.NAME)
    last_name = forms.CharField(max_length=limits.NAME)
    job_title = forms.CharField(max_length=limits.TITLE, required=False, help_text="For example: Principal")
    password1 = forms.CharField(
        label="Choose a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters, not only numbers, not a common password.",
    )
    password2 = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_first_name(self):
        value = self.cleaned_data["first_name"].strip()
        if not value:
            raise forms.ValidationError("Please enter your first name.")
        return value

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords are not the same.")
        elif p1:
            probe = User(
                email=self.email or "",
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(p1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


MEMBER_ROLE_CHOICES = [c for c in Membership.Role.choices if c[0] != Membership.Role.LEAD_TEACHER]


class MemberRoleForm(PlannerForm, forms.Form):
    role = forms.ChoiceField(label="Role", choices=MEMBER_ROLE_CHOICES)
