"""Forms for stage 2. Choices come from lists already fetched, so a page of 27 forms stays lean."""

from django import forms

from coursework.selfassessment.services import choice_problems
from partnerships.common import limits
from partnerships.common.forms import PlannerForm


class RatingForm(PlannerForm, forms.Form):
    """One practice: its rating level and the evidence behind it."""

    level = forms.ChoiceField(
        label="Your rating", widget=forms.RadioSelect(attrs={"class": "form-check-input"}), required=False
    )
    evidence = forms.CharField(
        label="Evidence (optional)",
        required=False,
        max_length=limits.EVIDENCE,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A line on what you do that shows this, for example a unit you co-taught.",
    )

    def __init__(self, *args, levels, practice, **kwargs):
        kwargs.setdefault("prefix", f"p{practice.pk}")
        super().__init__(*args, **kwargs)
        self.practice = practice
        self.levels = {str(level.pk): level for level in levels}
        self.fields["level"].choices = [(str(level.pk), f"{level.value} {level.label}") for level in levels]

    def clean_level(self):
        value = self.cleaned_data.get("level")
        return self.levels[value] if value else None

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("level") is None and not cleaned.get("evidence"):
            raise forms.ValidationError("Choose a rating, or write some evidence, before saving.")
        return cleaned


class ChoicesForm(PlannerForm, forms.Form):
    strengths = forms.MultipleChoiceField(
        label="Your strengths (choose 2 or 3)", widget=forms.CheckboxSelectMultiple, required=False
    )
    growth_areas = forms.MultipleChoiceField(
        label="Your areas for growth (choose 2 or 3)", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, practices, **kwargs):
        super().__init__(*args, **kwargs)
        self.practices = {str(p.pk): p for p in practices}
        choices = [(str(p.pk), f"{p.statement} ({p.domain.name})") for p in practices]
        self.fields["strengths"].choices = choices
        self.fields["growth_areas"].choices = choices

    def clean_strengths(self):
        return [self.practices[pk] for pk in self.cleaned_data.get("strengths", [])]

    def clean_growth_areas(self):
        return [self.practices[pk] for pk in self.cleaned_data.get("growth_areas", [])]

    def clean(self):
        cleaned = super().clean()
        if "strengths" in cleaned and "growth_areas" in cleaned:
            for field, message in choice_problems(cleaned["strengths"], cleaned["growth_areas"]).items():
                self.add_error(field, message)
        return cleaned
