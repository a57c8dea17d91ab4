"""The teacher's course evaluation."""

from django import forms

from coursework.evaluation.models import COMMENT_QUESTIONS, RATING_QUESTIONS
from coursework.models import CourseEvaluation
from partnerships.common import limits
from partnerships.common.forms import PlannerForm


class EvaluationForm(PlannerForm, forms.ModelForm):
    text_limits = {name: limits.COMMENT for name, _ in COMMENT_QUESTIONS}

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
