"""The instructor's review of a teacher's stage: feedback and the decision."""

from django import forms

from coursework.models import Feedback
from partnerships.common import limits
from partnerships.common.forms import PlannerForm


class ReviewForm(PlannerForm, forms.Form):
    DECISIONS = [
        ("", "Just leave feedback"),
        (Feedback.Decision.NEEDS_REVISION, "Return it for revision"),
        (Feedback.Decision.COMPLETE, "Mark the stage complete"),
    ]
    text = forms.CharField(
        label="Feedback for the teacher",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=limits.NOTES,
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
