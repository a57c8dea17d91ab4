"""The course evaluation: one per enrollment, editable until the cohort closes."""

from dataclasses import dataclass

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


@dataclass(frozen=True)
class RatingQuestion:
    field: str
    text: str


RATING_SCALE = (
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
)

RATING_QUESTIONS = (
    RatingQuestion("clarity", "Each stage made clear what it asked of me and what good work looks like."),
    RatingQuestion("relevance", "The work was relevant to my school, my students and my role."),
    RatingQuestion("partnership", "The course helped me start a real working partnership with my administrator."),
    RatingQuestion("feedback", "My instructor’s feedback helped me improve my work."),
    RatingQuestion("workload", "The workload was manageable alongside my teaching."),
    RatingQuestion("recommend", "I would recommend this course to a colleague."),
)

COMMENT_QUESTIONS = (
    ("comment_worked", "What worked well for you in this course?"),
    ("comment_change", "What should we change for the next cohort?"),
)


def _rating_field(question):
    return models.PositiveSmallIntegerField(
        question.text,
        choices=RATING_SCALE,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )


class CourseEvaluation(models.Model):
    enrollment = models.OneToOneField("coursework.Enrollment", on_delete=models.CASCADE, related_name="evaluation")
    clarity = _rating_field(RATING_QUESTIONS[0])
    relevance = _rating_field(RATING_QUESTIONS[1])
    partnership = _rating_field(RATING_QUESTIONS[2])
    feedback = _rating_field(RATING_QUESTIONS[3])
    workload = _rating_field(RATING_QUESTIONS[4])
    recommend = _rating_field(RATING_QUESTIONS[5])
    comment_worked = models.TextField(COMMENT_QUESTIONS[0][1], blank=True)
    comment_change = models.TextField(COMMENT_QUESTIONS[1][1], blank=True)
    submitted_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Evaluation by {self.enrollment}"
