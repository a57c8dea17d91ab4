"""Forms for the action plan and the lasting partnership.

Each co-edited form carries the `version` it was opened at (a hidden field) and
offers `model_values()`: the cleaned values to hand to the service.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.meetings.time_zones import known_time_zones
from partnerships.models import (
    HEALTH_FIELDS,
    ActionPlan,
    Agreement,
    ExternalPartner,
    Idea,
    Membership,
    Outcome,
    PlanComment,
    Stakeholder,
    Step,
    TouchPoint,
)
from partnerships.sustain.models import HELD_EARLY_LABEL

DATE = forms.DateInput(attrs={"type": "date"})
TIME = forms.TimeInput(attrs={"type": "time"})


class VersionedForm(PlannerForm, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def model_values(self):
        return {k: v for k, v in self.cleaned_data.items() if k != "version" and k in self._meta.fields}


class PlanForm(VersionedForm):
    text_limits = {"goal": limits.SHORT_ANSWER, "communication": limits.SHORT_ANSWER}

    class Meta:
        model = ActionPlan
        fields = ["goal", "communication"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 3}), "communication": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "goal": "One or two sentences: what will be different, for whom, by when.",
            "communication": "Who hears about progress, how and how often (staff meeting, newsletter, board update…).",
        }


class OutcomeForm(VersionedForm):
    text_limits = {"measure": limits.LINE, "data_source": limits.LINE}
    date_ranges = {"target_date": limits.SCHEDULE}

    class Meta:
        model = Outcome
        fields = ["measure", "baseline", "target", "target_date", "data_source", "current_value"]
        widgets = {"target_date": DATE}
        help_texts = {"baseline": "Where it stands today.", "target": "Where you want it to be by the target date."}


class StepForm(VersionedForm):
    text_limits = {"title": limits.LINE, "owner_name": limits.NAME, "resources": limits.SHORT_ANSWER}
    date_ranges = {"due_date": limits.SCHEDULE}

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        members = Membership.objects.filter(partnership=partnership).select_related("user")
        self.fields["owner_member"].queryset = members
        self.fields["owner_member"].label_from_instance = lambda m: f"{m.user} ({m.get_role_display().lower()})"
        self.fields["owner_member"].empty_label = "— not a member —"

    class Meta:
        model = Step
        fields = ["title", "owner_member", "owner_name", "due_date", "status", "time_estimate", "resources"]
        widgets = {"due_date": DATE, "resources": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("owner_member") and data.get("owner_name", "").strip():
            self.add_error("owner_name", "Choose a member or name an outside person, not both.")
        return data


class IdeaForm(VersionedForm):
    text_limits = {"text": limits.COMMENT}

    class Meta:
        model = Idea
        fields = ["text"]
        labels = {"text": "Your idea"}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class CommentForm(PlannerForm, forms.ModelForm):
    text_limits = {"text": limits.COMMENT}

    class Meta:
        model = PlanComment
        fields = ["text"]
        labels = {"text": "Your comment"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class AgreementForm(VersionedForm):
    text_limits = {
        "shared_goals": limits.SHORT_ANSWER,
        "norm_time": limits.SHORT_ANSWER,
        "norm_communication": limits.SHORT_ANSWER,
        "norm_decisions": limits.SHORT_ANSWER,
        "meeting_cadence": limits.TITLE,
    }

    class Meta:
        model = Agreement
        fields = ["shared_goals", "norm_time", "norm_communication", "norm_decisions", "meeting_cadence"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields[:4]}


class StakeholderForm(VersionedForm):
    text_limits = {"name": limits.TITLE, "relationship": limits.SHORT_ANSWER, "role_in_plan": limits.SHORT_ANSWER}

    class Meta:
        model = Stakeholder
        fields = ["level", "group", "name", "relationship", "role_in_plan", "engaged"]
        widgets = {"relationship": forms.Textarea(attrs={"rows": 2}), "role_in_plan": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "group": "School: principal, other administrators, educators, support staff, students, parents, "
            "community. District: board, district administration, local association, parents, community groups.",
            "role_in_plan": "Leave empty if they have no part in the action plan yet.",
        }


class ExternalPartnerForm(VersionedForm):
    text_limits = {
        "name": limits.TITLE,
        **dict.fromkeys(("need", "goals", "process", "expectations", "judging"), limits.SHORT_ANSWER),
    }

    class Meta:
        model = ExternalPartner
        fields = ["name", "kind", "role", "need", "goals", "process", "expectations", "judging"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in fields[3:]}


COMMON_ZONES = [
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Toronto",
    "America/Vancouver",
    "Europe/London",
    "Europe/Berlin",
    "Australia/Sydney",
    "UTC",
]


def zone_choices(current=None):
    zones = list(COMMON_ZONES)
    if current and current not in zones and current in known_time_zones():
        zones.append(current)
    return [(z, z.replace("_", " ")) for z in zones]


class TouchPointForm(VersionedForm):
    text_limits = {"title": limits.TITLE, "location": limits.LINE}
    date_ranges = {"date": limits.SCHEDULE}
    date = forms.DateField(widget=DATE)
    time = forms.TimeField(widget=TIME)
    time_zone = forms.ChoiceField(label="Time zone")

    class Meta:
        model = TouchPoint
        fields = ["title", "duration_minutes", "location"]
        labels = {"duration_minutes": "Length (minutes)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tp = self.instance
        zone = tp.time_zone if tp.pk else settings.TIME_ZONE
        self.fields["time_zone"].choices = zone_choices(zone)
        self.fields["time_zone"].initial = zone
        if tp.pk and tp.scheduled_at:
            local = tp.scheduled_at.astimezone(ZoneInfo(tp.time_zone))
            self.fields["date"].initial = local.date()
            self.fields["time"].initial = local.time().replace(second=0, microsecond=0)
        self.order_fields(["title", "date", "time", "time_zone", "duration_minutes", "location"])

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time") and data.get("time_zone"):
            zone = ZoneInfo(data["time_zone"])
            data["scheduled_at"] = datetime.combine(data["date"], data["time"]).replace(tzinfo=zone)
        return data

    def model_values(self):
        values = super().model_values()
        values["scheduled_at"] = self.cleaned_data["scheduled_at"]
        values["time_zone"] = self.cleaned_data["time_zone"]
        return values


HEALTH_CHOICES = [("", "Not rated")] + [(str(n), str(n)) for n in range(1, 6)]


class TouchPointRecordForm(PlannerForm, forms.Form):
    """Readings for each outcome, the health check (1–5), reflections and next steps."""

    text_limits = {"reflections": limits.NOTES, "next_steps": limits.NOTES}

    version = forms.IntegerField(widget=forms.HiddenInput)
    reflections = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    next_steps = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, touch_point, outcomes, readings=None, **kwargs):
        super().__init__(*args, **kwargs)
        readings = readings or {}
        if touch_point.is_ahead():
            # Recording a review before its date is a deliberate choice; the service
            # refuses it without this box (partnerships/sustain/services.py).
            self.fields["held_early"] = forms.BooleanField(
                label=HELD_EARLY_LABEL,
                required=False,
                help_text="Its date becomes today, so the progress chart and the touch point list show when it was held.",
            )
        self.outcomes = list(outcomes)
        for outcome in self.outcomes:
            target = f" (target {outcome.target})" if outcome.target is not None else ""
            self.fields[f"outcome_{outcome.pk}"] = forms.DecimalField(
                label=f"{outcome.measure or 'Outcome'}{target}",
                required=False,
                max_digits=12,
                decimal_places=2,
                initial=readings.get(outcome.pk),
            )
        for name in HEALTH_FIELDS:
            label = TouchPoint._meta.get_field(name).verbose_name
            self.fields[name] = forms.TypedChoiceField(
                label=f"{label[0].upper()}{label[1:]} (1 low – 5 high)",
                choices=HEALTH_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=getattr(touch_point, name),
            )
        self.fields["version"].initial = touch_point.version
        self.fields["reflections"].initial = touch_point.reflections
        self.fields["next_steps"].initial = touch_point.next_steps
        self.order_fields(
            ["version", "held_early"]
            + [f"outcome_{o.pk}" for o in self.outcomes]
            + list(HEALTH_FIELDS)
            + ["reflections", "next_steps"]
        )

    def reading_values(self):
        return {o.pk: self.cleaned_data.get(f"outcome_{o.pk}") for o in self.outcomes}

    def model_values(self):
        values = {name: self.cleaned_data.get(name) for name in HEALTH_FIELDS}
        values["reflections"] = self.cleaned_data["reflections"]
        values["next_steps"] = self.cleaned_data["next_steps"]
        values["held_early"] = bool(self.cleaned_data.get("held_early"))
        return values

    def outcome_fields(self):
        return [self[f"outcome_{o.pk}"] for o in self.outcomes]

    def health_fields(self):
        return [self[name] for name in HEALTH_FIELDS]
