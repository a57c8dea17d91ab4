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
from .collaboratives import (  # noqa: E402
    Collaborative,
    CollaborativeInvitation,
    CollaborativeMembership,
    Post,
    Reply,
    Report,
)

__all__ += [
    "Collaborative",
    "CollaborativeInvitation",
    "CollaborativeMembership",
    "Post",
    "Reply",
    "Report",
]
