from coursework.models.courses import Cohort, CohortInvitation, CohortStage, Course, Enrollment, StageProgress
from coursework.models.evaluation import CourseEvaluation
from coursework.models.feedback import Feedback, Reminder, ReminderTemplate
from coursework.models.reflections import MAX_REFLECTION_CHARS, Prompt, Reflection
from coursework.models.research import ResearchSource, StrategicGoal
from coursework.models.selfassessment import (
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
    "MAX_REFLECTION_CHARS",
    "Cohort",
    "CohortInvitation",
    "CohortStage",
    "CourseEvaluation",
    "Course",
    "Enrollment",
    "Feedback",
    "Reminder",
    "ReminderTemplate",
    "Prompt",
    "Reflection",
    "StageProgress",
]
from coursework.models.collaboratives import (
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
