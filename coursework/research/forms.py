from django import forms

from coursework.models import ResearchSource, StrategicGoal
from partnerships.common import limits
from partnerships.common.forms import PlannerForm
from partnerships.common.validators import validate_web_url


class ResearchSourceForm(PlannerForm, forms.ModelForm):
    text_limits = {"title": limits.LINE, "notes": limits.NOTES}
    date_ranges = {"published_on": limits.PUBLISHED}

    url = forms.URLField(
        label="Web address (optional)",
        required=False,
        max_length=limits.URL,
        assume_scheme="https",
        validators=[validate_web_url],
        help_text="Starts with http:// or https://.",
    )

    class Meta:
        model = ResearchSource
        fields = ["title", "kind", "url", "published_on", "notes"]
        labels = {"kind": "Kind of source", "published_on": "Date (optional)", "notes": "Your notes"}
        help_texts = {
            "title": "For example “Riverside USD Strategic Plan 2025–2028”.",
            "published_on": "When it was published or the meeting took place.",
            "notes": "What it says that matters for your school, in a few lines.",
        }
        error_messages = {
            "title": {"required": "Give the source a title."},
            "kind": {"required": "Choose the kind of source."},
        }
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError("Give the source a title.")
        return title


class StrategicGoalForm(PlannerForm, forms.ModelForm):
    text_limits = {"statement": limits.SHORT_ANSWER}

    class Meta:
        model = StrategicGoal
        fields = ["statement", "level", "source"]
        labels = {"statement": "Goal", "level": "Level", "source": "Where you found it (optional)"}
        help_texts = {"statement": "In the plan's own words where you can."}
        error_messages = {
            "statement": {"required": "Write the goal."},
            "level": {"required": "Choose whether it is a school or a district goal."},
        }
        widgets = {"statement": forms.Textarea(attrs={"rows": 2}), "level": forms.RadioSelect}

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = StrategicGoal.Level.choices  # no blank radio button
        field = self.fields["source"]
        field.queryset = sources
        field.empty_label = "— not from a listed source —"
        field.label_from_instance = lambda source: source.title

    def clean_statement(self):
        statement = self.cleaned_data["statement"].strip()
        if not statement:
            raise forms.ValidationError("Write the goal.")
        return statement
