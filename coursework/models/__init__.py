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
