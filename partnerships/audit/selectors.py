"""Filtering the audit trail for the staff audit page."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone

from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.models import AuditEvent


class AuditFilterForm(PlannerForm, forms.Form):
    date_ranges = {"since": limits.FILTER, "until": limits.FILTER}

    action = forms.ChoiceField(label="Action", required=False)
    actor = forms.CharField(label="Actor’s email contains", required=False, max_length=limits.EMAIL)
    target_type = forms.ChoiceField(label="Kind of object", required=False)
    since = forms.DateField(label="From (date)", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To (date)", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, actions=(), target_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "Any action")] + [(a, a) for a in actions]
        self.fields["target_type"].choices = [("", "Any kind")] + [(t, t) for t in target_types if t]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return cleaned


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_filter(data):
    """Return (form, queryset of matching events, newest first)."""
    choices = AuditEvent.objects.order_by()
    form = AuditFilterForm(
        data or None,
        actions=choices.values_list("action", flat=True).distinct().order_by("action"),
        target_types=choices.values_list("target_type", flat=True).distinct().order_by("target_type"),
    )
    events = AuditEvent.objects.select_related("actor").order_by("-created_at", "-pk")
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["actor"]:
            events = events.filter(actor__email__icontains=data["actor"].strip())
        if data["target_type"]:
            events = events.filter(target_type=data["target_type"])
        if data["since"]:
            events = events.filter(created_at__gte=_day_start(data["since"]))
        if data["until"]:
            events = events.filter(created_at__lt=_day_start(data["until"] + timedelta(days=1)))
    elif form.is_bound:
        events = events.none()
    return form, events
