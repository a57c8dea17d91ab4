from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coursework.courses.roster import MAX_ROSTER_BYTES
from coursework.models import Cohort, Course
from coursework.stages.registry import STAGES
from partnerships.common import limits
from partnerships.common.forms import PlannerForm


class CohortInvitationForm(PlannerForm, forms.Form):
    email = forms.EmailField(label="Teacher’s email address")
    first_name = forms.CharField(max_length=limits.NAME, required=False)
    last_name = forms.CharField(max_length=limits.NAME, required=False)


class RosterUploadForm(PlannerForm, forms.Form):
    roster = forms.FileField(
        label="Roster file (CSV)",
        help_text="One teacher per row: email, first name, last name. A header row is optional.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_roster(self):
        upload = self.cleaned_data["roster"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".txt")):
            raise forms.ValidationError("Please upload a .csv file (in a spreadsheet: File → Save as → CSV).")
        if upload.size > MAX_ROSTER_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_ROSTER_BYTES // 1024} KB; split the roster into smaller files."
            )
        return upload


class CohortForm(PlannerForm, forms.ModelForm):
    # Up to 20 addresses, one a line.
    text_limits = {"name": limits.TITLE, "instructor_emails": limits.COMMENT}
    date_ranges = {"starts_on": limits.SCHEDULE, "ends_on": limits.SCHEDULE}

    instructor_emails = forms.CharField(
        label="Other instructors",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Email addresses, one per line. People without an account get an email to set a password. "
        "You stay an instructor.",
    )

    class Meta:
        model = Cohort
        fields = ["course", "name", "term", "starts_on", "ends_on", "is_open", "anonymous_evaluations"]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {"is_open": "Open (teachers can work and change their evaluation)"}
        help_texts = {"anonymous_evaluations": "Instructors see course evaluation comments without names."}

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["course"].queryset = Course.objects.all()
        for stage in STAGES:
            self.fields[f"due_{stage.slug}"] = forms.DateField(
                label=f"{stage.number}. {stage.short_title} due",
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            )
        if self.instance.pk:
            others = self.instance.instructors.exclude(pk=actor.pk).order_by("email")
            self.initial.setdefault("instructor_emails", "\n".join(u.email for u in others))
            for setting in self.instance.stage_settings.all():
                self.initial.setdefault(f"due_{setting.stage}", setting.due_on)

    @property
    def due_fields(self):
        return [self[f"due_{stage.slug}"] for stage in STAGES]

    @property
    def detail_fields(self):
        return [self[name] for name in self.Meta.fields]

    def clean_instructor_emails(self):
        emails, bad = [], []
        for line in self.cleaned_data["instructor_emails"].replace(",", "\n").replace(";", "\n").splitlines():
            email = line.strip().lower()
            if not email:
                continue
            try:
                validate_email(email)
            except ValidationError:
                bad.append(email[:80])
            else:
                emails.append(email)
        if bad:
            raise ValidationError("Not an email address: " + ", ".join(bad) + ". Put one address on each line.")
        if len(emails) > 20:
            raise ValidationError("A cohort can have at most 20 other instructors.")
        return emails

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", "The end date is before the start date.")
        return data

    def service_kwargs(self):
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.Meta.fields},
            "instructor_emails": data["instructor_emails"],
            "due_dates": {stage.slug: data.get(f"due_{stage.slug}") for stage in STAGES},
        }
