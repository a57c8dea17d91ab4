from .courses import (
    Cohort,
    CohortInvitation,
    CohortStage,
    Course,
    Enrollment,
    StageProgress,
)

__all__ = [
    "Cohort",
    "CohortInvitation",
    "CohortStage",
    "Course",
    "Enrollment",
    "StageProgress",
]
