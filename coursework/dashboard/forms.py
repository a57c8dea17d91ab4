"""Forms of the instructor's side: dashboard filters, reviews, reminders, cohorts, evaluation."""

from django import forms
from django.core.exceptions import ValidationError

from coursework.dashboard.selectors import SORTS, GridFilters
from coursework.feedback.services import PLACEHOLDERS, unknown_placeholders
from coursework.models import ReminderTemplate, StageProgress
from coursework.stages.registry import STAGE_CHOICES
from partnerships.common import limits
from partnerships.common.forms import PlannerForm

ANY = [("", "Any stage")]


class DashboardFilterForm(PlannerForm, forms.Form):
    """GET filters; bad values are dropped rather than answered with an error page."""

    q = forms.CharField(label="Search name or email", required=False, max_length=limits.SEARCH)
    stage = forms.ChoiceField(label="Stage", choices=ANY + STAGE_CHOICES, required=False)
    status = forms.ChoiceField(
        label="Status", choices=[("", "Any status")] + StageProgress.Status.choices, required=False
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)
    inactive_days = forms.IntegerField(label="No activity in (days)", required=False, min_value=1, max_value=365)
    sort = forms.ChoiceField(
        label="Sort by", choices=[(k, v[0]) for k, v in SORTS.items()], required=False, initial="name"
    )

    def filters(self):
        self.is_valid()  # invalid fields drop out of cleaned_data; the rest still apply
        data = self.cleaned_data
        return GridFilters(
            stage=data.get("stage") or "",
            status=data.get("status") or "",
            overdue=bool(data.get("overdue")),
            inactive_days=data.get("inactive_days"),
            q=(data.get("q") or "").strip(),
            sort=data.get("sort") or "name",
        )


class ReminderSendForm(PlannerForm, forms.Form):
    SELECTED, MATCHING = "selected", "matching"
    stage = forms.ChoiceField(label="Remind about stage", choices=STAGE_CHOICES)
    scope = forms.ChoiceField(
        label="Send to",
        choices=[(SELECTED, "The teachers I ticked in the grid"), (MATCHING, "Every teacher matching the filter")],
        widget=forms.RadioSelect,
        initial=SELECTED,
    )

    def __init__(self, *args, selected_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.selected_ids = list(selected_ids)

    def clean(self):
        data = super().clean()
        if data.get("scope") == self.SELECTED and not self.selected_ids:
            raise ValidationError(
                "Tick at least one teacher in the grid, or choose “Every teacher matching the filter”."
            )
        return data


class ReminderTemplateForm(PlannerForm, forms.ModelForm):
    text_limits = {"subject": limits.TITLE, "body": limits.NOTES}

    class Meta:
        model = ReminderTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def _check(self, name):
        value = self.cleaned_data[name]
        unknown = unknown_placeholders(value)
        if unknown:
            named = ", ".join("{" + u + "}" for u in unknown)
            allowed = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            plural = "s" if len(unknown) > 1 else ""
            raise ValidationError(f"Unknown placeholder{plural}: {named}. Use one of {allowed}.")
        return value

    def clean_subject(self):
        return self._check("subject")

    def clean_body(self):
        return self._check("body")
