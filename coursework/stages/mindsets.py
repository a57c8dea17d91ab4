"""Stage 1 (`mindsets`): the reflection on mindsets, perceptual positions, norms and habits of mind."""

from coursework.reflections.services import (
    carried_insights,
    unanswered_message,
)
from coursework.reflections.work import reflection_work
from coursework.stages.checks import submit_requirement
from coursework.stages.evidence import INSIGHT, EvidenceItem, register_evidence
from coursework.stages.work import stage_work


@stage_work("mindsets")
def mindsets_work(request, enrollment, *, read_only=False):
    return reflection_work(
        request,
        enrollment,
        read_only=read_only,
        stage="mindsets",
        template="coursework/stages/mindsets.html",
        carry_forward=True,
    )


@submit_requirement("mindsets")
def mindsets_ready(enrollment):
    return unanswered_message(enrollment, "mindsets")


@register_evidence
def mindset_insights(enrollment):
    return [
        EvidenceItem(
            kind=INSIGHT,
            ref=f"reflection:{reflection.pk}",
            source=f"Mindsets — {reflection.prompt.get_kind_display()}",
            text=reflection.text,
        )
        for reflection in carried_insights(enrollment)
    ]
