from .courses import (
    Cohort,
    CohortInvitation,
    CohortStage,
    Course,
    Enrollment,
    StageProgress,
)
from .reflections import MAX_REFLECTION_CHARS, Prompt, Reflection

__all__ = [
    "MAX_REFLECTION_CHARS",
    "Cohort",
    "CohortInvitation",
    "CohortStage",
    "Course",
    "Enrollment",
    "Prompt",
    "Reflection",
    "StageProgress",
]
