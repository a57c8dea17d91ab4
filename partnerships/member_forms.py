from django import forms

from partnerships.forms import MEMBER_ROLE_CHOICES


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label="Role", choices=MEMBER_ROLE_CHOICES)
