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
from .reflections import MAX_REFLECTION_CHARS, Prompt, Reflection
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
