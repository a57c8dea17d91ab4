"""Forms for focus areas, their review, the choice and the second meeting."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings

from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.meetings.time_zones import TimeZoneSelect, time_zone_choices
from partnerships.models import AgendaItem, Comment, FocusArea

SERVES_CHOICES = [
    ("serves_students", "Students"),
    ("serves_teachers", "Teachers"),
    ("serves_community", "The school community"),
]


class FocusAreaForm(PlannerForm, forms.ModelForm):
    text_limits = {"title": limits.TITLE, "need": limits.SHORT_ANSWER, "rationale": limits.SHORT_ANSWER}

    serves = forms.MultipleChoiceField(
        label="Who it serves",
        choices=SERVES_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose one or more.",
        error_messages={"required": "Choose at least one group this focus area serves."},
    )

    class Meta:
        model = FocusArea
        fields = ["title", "need", "serves", "rationale"]
        labels = {
            "title": "Title",
            "need": "The need it answers",
            "rationale": "Why it matters here",
        }
        help_texts = {
            "title": "A short name, e.g. “Reading for pleasure in grades 6–8”.",
            "need": "Whose need, and what you saw that shows it.",
            "rationale": "Why this matters in your school or district now.",
        }
        widgets = {"need": forms.Textarea(attrs={"rows": 4}), "rationale": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["serves"] = [f for f, _ in SERVES_CHOICES if getattr(self.instance, f)]

    def content(self):
        data = {f: self.cleaned_data[f] for f in ("title", "need", "rationale")}
        data.update({f: f in self.cleaned_data["serves"] for f, _ in SERVES_CHOICES})
        return data


class FocusAreaEditForm(FocusAreaForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta(FocusAreaForm.Meta):
        fields = FocusAreaForm.Meta.fields + ["version"]


class ShareForm(PlannerForm, forms.Form):
    focus_areas = forms.ModelMultipleChoiceField(
        label="Focus areas to share",
        queryset=FocusArea.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the focus areas to share.",
            # A page left open while the same area was shared from another window.
            "invalid_choice": "A focus area you selected is no longer a draft (it may have been shared from "
            "another window). Check the list below, then share again.",
        },
    )

    def __init__(self, *args, drafts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_areas"].queryset = drafts
        if not self.is_bound:
            self.initial["focus_areas"] = [fa.pk for fa in drafts]


class EvidencePickForm(PlannerForm, forms.Form):
    ref = forms.ChoiceField(label="Evidence")

    def __init__(self, *args, items, focus_area, kind_labels, **kwargs):
        kwargs.setdefault("prefix", f"fa{focus_area.pk}")
        super().__init__(*args, **kwargs)
        cited = {e.ref for e in focus_area.evidence.all()}
        groups = {}
        for item in items:
            if item.ref not in cited:
                groups.setdefault(kind_labels.get(item.kind, item.kind), []).append(
                    (item.ref, f"{item.text[:90]} — {item.source}")
                )
        self.fields["ref"].choices = [("", "Choose an input…")] + list(groups.items())
        self.fields["ref"].label = f"Evidence for “{focus_area.title}”"


class CommentForm(PlannerForm, forms.Form):
    kind = forms.ChoiceField(
        label="This is",
        choices=[(Comment.Kind.COMMENT, "A comment"), (Comment.Kind.QUESTION, "A clarification question")],
        widget=forms.RadioSelect,
        initial=Comment.Kind.COMMENT,
    )
    body = forms.CharField(
        label="Your comment or question",
        max_length=limits.COMMENT,
        help_text=f"Up to {limits.COMMENT:,} characters.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReplyForm(PlannerForm, forms.Form):
    body = forms.CharField(
        label="Your reply",
        max_length=limits.COMMENT,
        help_text=f"Up to {limits.COMMENT:,} characters.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ChoiceForm(PlannerForm, forms.Form):
    text_limits = {"rationale": limits.SHORT_ANSWER}

    rationale = forms.CharField(
        label="Why this one",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A sentence or two both of you will recognise later.",
    )


class ReviewMeetingForm(PlannerForm, forms.Form):
    # The stored column holds 200 characters (a model URLField's default size).
    text_limits = {"location": limits.TITLE, "video_link": 200}
    date_ranges = {"date": limits.SCHEDULE}

    date = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(label="Start time", widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label="Time zone", choices=time_zone_choices, widget=TimeZoneSelect)
    duration_minutes = forms.IntegerField(label="Length in minutes", min_value=10, max_value=240, initial=45)
    location = forms.CharField(label="Place", required=False, help_text="A room, or leave empty for a video call.")
    video_link = forms.URLField(label="Video call link", required=False, assume_scheme="https")

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            if meeting:
                local = meeting.local_start
                self.initial.update(
                    date=local.date(),
                    time=local.time().replace(second=0, microsecond=0),
                    time_zone=meeting.time_zone,
                    duration_minutes=meeting.duration_minutes,
                    location=meeting.location,
                    video_link=meeting.video_link,
                )
            else:
                self.initial["time_zone"] = settings.TIME_ZONE if "/" in settings.TIME_ZONE else "America/New_York"

    def clean(self):
        data = super().clean()
        if not self.errors and not (data.get("location") or data.get("video_link")):
            self.add_error("location", "Give a place to meet or a video call link.")
        return data

    def starts_at(self):
        data = self.cleaned_data
        return datetime.combine(data["date"], data["time"]).replace(tzinfo=ZoneInfo(data["time_zone"]))


class AgendaItemForm(PlannerForm, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["text"]
        labels = {"text": "Agenda item"}


class MeetingRecordForm(PlannerForm, forms.Form):
    """What happened at the second meeting: notes per agenda item, clarifications agreed, and
    whether to send the summary now. Next steps come in MeetingNextStepFormSet beside it."""

    clarifications = forms.CharField(
        label="Clarifications agreed",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What you settled about the focus areas' open questions.",
    )
    send_summary = forms.BooleanField(
        label="Send the summary to the other members now",
        required=False,
        initial=True,
        help_text="They get a notice with a link to this record.",
    )

    def __init__(self, *args, meeting=None, agenda=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda = list(agenda)
        if meeting is not None and not self.is_bound:
            self.fields["clarifications"].initial = meeting.clarifications
        for item in self.agenda:
            self.fields[f"notes_{item.pk}"] = forms.CharField(
                label=f"Notes: {item.text}",
                required=False,
                initial=item.notes,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        # The agenda notes first, in agenda order, as the meeting ran.
        self.order_fields([f"notes_{item.pk}" for item in self.agenda] + ["clarifications", "send_summary"])

    def agenda_notes(self):
        return {item.pk: self.cleaned_data[f"notes_{item.pk}"] for item in self.agenda}


class MeetingNextStepForm(PlannerForm, forms.Form):
    date_ranges = {"due_on": limits.SCHEDULE}

    text = forms.CharField(label="Next step", max_length=300, required=False)
    owner = forms.TypedChoiceField(label="Who", required=False, coerce=int, empty_value=None)
    due_on = forms.DateField(label="By", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Not decided")] + [(m.pk, str(m.user)) for m in members]


MeetingNextStepFormSet = forms.formset_factory(MeetingNextStepForm, extra=2)
