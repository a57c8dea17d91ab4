from coursework.courses.models import (
    Cohort,
    CohortInvitation,
    CohortStage,
    Course,
    Enrollment,
    RosterImport,
    StageProgress,
)
from coursework.evaluation.models import CourseEvaluation
from coursework.feedback.models import Feedback, Reminder, ReminderTemplate
from coursework.reflections.models import MAX_REFLECTION_CHARS, Prompt, Reflection
from coursework.research.models import ResearchSource, StrategicGoal
from coursework.selfassessment.models import (
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
    "RosterImport",
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
from coursework.collaboratives.models import (
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
