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
from .research import ResearchSource, StrategicGoal
from .selfassessment import (
    ChosenPractice,
    CohortFramework,
    Domain,
    Framework,
    Practice,
    Rating,
    RatingLevel,
    SelfAssessment,
)

__all__ = [
    "ChosenPractice",
    "CohortFramework",
    "Domain",
    "Framework",
    "Practice",
    "Rating",
    "RatingLevel",
    "ResearchSource",
    "SelfAssessment",
    "StrategicGoal",
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
