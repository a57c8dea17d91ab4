"""Forms of the instructor's side: dashboard filters, reviews, reminders, cohorts, evaluation."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coursework.dashboard.selectors import SORTS, GridFilters
from coursework.evaluation.models import COMMENT_QUESTIONS, RATING_QUESTIONS
from coursework.feedback.services import PLACEHOLDERS, unknown_placeholders
from coursework.models import Cohort, Course, CourseEvaluation, Feedback, ReminderTemplate, StageProgress
from coursework.stages.registry import STAGE_CHOICES, STAGES

ANY = [("", "Any stage")]


class DashboardFilterForm(forms.Form):
    """GET filters; bad values are dropped rather than answered with an error page."""

    q = forms.CharField(label="Search name or email", required=False, max_length=100)
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


class ReviewForm(forms.Form):
    DECISIONS = [
        ("", "Just leave feedback"),
        (Feedback.Decision.NEEDS_REVISION, "Return it for revision"),
        (Feedback.Decision.COMPLETE, "Mark the stage complete"),
    ]
    text = forms.CharField(
        label="Feedback for the teacher",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10000,
    )
    decision = forms.ChoiceField(label="Decision", choices=DECISIONS, required=False, widget=forms.RadioSelect)

    def __init__(self, *args, reviewable=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not reviewable:
            self.fields["decision"].choices = self.DECISIONS[:1]
            self.fields[
                "decision"
            ].help_text = "The stage can be marked complete or returned once the teacher submits it."

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and data.get("decision") != Feedback.Decision.COMPLETE:
            self.add_error(
                "text",
                "Write your feedback"
                + (" — say what to revise." if data.get("decision") == Feedback.Decision.NEEDS_REVISION else "."),
            )
        return data


class ReminderSendForm(forms.Form):
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


class ReminderTemplateForm(forms.ModelForm):
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


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = CourseEvaluation
        fields = [q.field for q in RATING_QUESTIONS] + [name for name, _ in COMMENT_QUESTIONS]
        widgets = {
            **{q.field: forms.RadioSelect for q in RATING_QUESTIONS},
            **{name: forms.Textarea(attrs={"rows": 4}) for name, _ in COMMENT_QUESTIONS},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in RATING_QUESTIONS:
            field = self.fields[question.field]
            field.choices = [c for c in field.choices if c[0] != ""]
            field.error_messages["required"] = "Choose a rating from 1 to 5."


class CohortForm(forms.ModelForm):
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
