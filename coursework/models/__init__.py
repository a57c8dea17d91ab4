from .courses import (
    Cohort,
    CohortInvitation,
    CohortStage,
    Course,
    Enrollment,
    StageProgress,
)
from .evaluation import CourseEvaluation
from .feedback import Feedback, Reminder, ReminderTemplate

__all__ = [
    "Cohort",
    "CohortInvitation",
    "CohortStage",
    "CourseEvaluation",
    "Course",
    "Enrollment",
    "Feedback",
    "Reminder",
    "ReminderTemplate",
    "StageProgress",
]
