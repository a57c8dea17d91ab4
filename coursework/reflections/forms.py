"""The whole-page form of a reflection stage: what the Save button posts without JavaScript."""

from django import forms

from coursework.autosave.services import long_text_field
from partnerships.common.forms import PlannerForm


class ReflectionAnswersForm(PlannerForm, forms.Form):
    """One text (and optionally a carry-forward box) per prompt, plus the version each started from."""

    def __init__(self, data=None, *, items, carry_forward):
        super().__init__(data)
        self.items = items
        self.carry_forward = carry_forward
        for prompt, reflection in items:
            text = long_text_field()
            text.label = prompt.text
            text.initial = reflection.text if reflection else ""
            self.fields[f"text-{prompt.pk}"] = text
            if carry_forward:
                self.fields[f"carry-{prompt.pk}"] = forms.BooleanField(
                    required=False, initial=bool(reflection and reflection.carry_forward)
                )
            self.fields[f"version-{prompt.pk}"] = forms.IntegerField(
                required=False, min_value=0, initial=reflection.version if reflection else 0, widget=forms.HiddenInput
            )

    def answers(self):
        """The posted answers. A prompt added after the page was loaded was not posted: skipped."""
        answers = []
        for prompt, _ in self.items:
            if f"text-{prompt.pk}" not in self.data:
                continue
            answer = {
                "prompt": prompt,
                "text": self.cleaned_data[f"text-{prompt.pk}"],
                # No version sent: treat as "saw no answer", which never overwrites one.
                "base_version": self.cleaned_data[f"version-{prompt.pk}"] or 0,
            }
            if self.carry_forward:
                answer["carry_forward"] = self.cleaned_data[f"carry-{prompt.pk}"]
            answers.append(answer)
        return answers

    def rows(self):
        """[(prompt, reflection, text field, carry field or None, version field)] for the template."""
        return [
            (
                prompt,
                reflection,
                self[f"text-{prompt.pk}"],
                self[f"carry-{prompt.pk}"] if self.carry_forward else None,
                self[f"version-{prompt.pk}"],
            )
            for prompt, reflection in self.items
        ]
