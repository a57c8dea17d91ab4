"""Stage 8 (`final-reflection`): the final reflection (the course evaluation has its own page)."""

from coursework.reflections.services import (
    unanswered_message,
)
from coursework.reflections.work import reflection_work
from coursework.stages.checks import submit_requirement
from coursework.stages.work import stage_work


@stage_work("final-reflection")
def final_reflection_work(request, enrollment, *, read_only=False):
    return reflection_work(
        request,
        enrollment,
        read_only=read_only,
        stage="final-reflection",
        template="coursework/stages/final-reflection.html",
        carry_forward=False,
    )


@submit_requirement("final-reflection")
def final_reflection_ready(enrollment):
    """Every final-reflection prompt answered (the course evaluation may add its own check)."""
    return unanswered_message(enrollment, "final-reflection")
