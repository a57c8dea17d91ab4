"""Forms for meetings: scheduling with a time zone, questions, notes and the shortlist."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.common.validators import validate_time_zone, validate_web_url
from partnerships.meetings.time_zones import TimeZoneSelect, time_zone_choices
from partnerships.models import InterviewQuestion, Meeting, Opportunity


class MeetingForm(PlannerForm, forms.ModelForm):
    """When and where: the date and time are read in the chosen time zone."""

    text_limits = {"attendee_name": limits.TITLE, "location": limits.LINE, "video_link": limits.URL}
    date_ranges = {"date": limits.SCHEDULE}

    date = forms.DateField(
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Leave empty until you have agreed a date.",
    )
    time = forms.TimeField(
        label="Start time", required=False, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    time_zone = forms.ChoiceField(
        label="Time zone", choices=time_zone_choices, validators=[validate_time_zone], widget=TimeZoneSelect
    )
    video_link = forms.URLField(
        label="Video link (optional)",
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[validate_web_url],
        help_text="Starts with http:// or https://.",
    )

    class Meta:
        model = Meeting
        fields = ["attendee_name", "date", "time", "time_zone", "duration_minutes", "location", "video_link"]
        labels = {"attendee_name": "Who you are meeting", "location": "Place (optional)"}
        help_texts = {"location": "For example “Principal’s office, room 101”."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("time_zone", self.instance.time_zone or settings.TIME_ZONE)
            local = self.instance.local_starts_at if self.instance.pk else None
            if local:
                self.initial["date"] = local.date()
                self.initial["time"] = local.time().replace(second=0, microsecond=0)

    def clean(self):
        cleaned = super().clean()
        date, time, zone = cleaned.get("date"), cleaned.get("time"), cleaned.get("time_zone")
        if date and not time and "time" not in self.errors:
            self.add_error("time", "Add the start time, or clear the date.")
        elif time and not date and "date" not in self.errors:
            self.add_error("date", "Add the date, or clear the start time.")
        elif date and time and zone:
            cleaned["starts_at"] = datetime.combine(date, time).replace(tzinfo=ZoneInfo(zone))
        else:
            cleaned["starts_at"] = None
        return cleaned

    def meeting_fields(self):
        data = self.cleaned_data
        return {
            "attendee_name": data["attendee_name"],
            "starts_at": data["starts_at"],
            "time_zone": data["time_zone"],
            "duration_minutes": data["duration_minutes"],
            "location": data["location"],
            "video_link": data["video_link"],
        }


class MeetingNotesForm(PlannerForm, forms.ModelForm):
    text_limits = {"notes": limits.NOTES}

    class Meta:
        model = Meeting
        fields = ["notes"]
        labels = {"notes": "General notes from the meeting"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class QuestionForm(PlannerForm, forms.ModelForm):
    text_limits = {"notes": limits.NOTES}

    class Meta:
        model = InterviewQuestion
        fields = ["text", "notes"]
        labels = {"text": "Question", "notes": "Your notes of the answer"}
        error_messages = {"text": {"required": "Write the question, or remove it."}}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write the question, or remove it.")
        return text


class NewQuestionForm(PlannerForm, forms.ModelForm):
    class Meta:
        model = InterviewQuestion
        fields = ["text"]
        labels = {"text": "New question"}
        error_messages = {"text": {"required": "Write the question you want to add."}}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Write the question you want to add.")
        return text


class OpportunityForm(PlannerForm, forms.ModelForm):
    text_limits = {"text": limits.SHORT_ANSWER}

    class Meta:
        model = Opportunity
        fields = ["text"]
        labels = {"text": "Area of opportunity or need"}
        error_messages = {"text": {"required": "Describe the opportunity or need in a few words."}}
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError("Describe the opportunity or need in a few words.")
        return text
