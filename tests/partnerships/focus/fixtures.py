"""Shared helpers for the focus-area tests: a fake evidence provider and shared areas."""

from contextlib import contextmanager

from coursework.stages import evidence
from coursework.stages.evidence import GOAL, GROWTH_AREA, INSIGHT, INTERVIEW, STRENGTH, EvidenceItem
from partnerships.focus import services as svc
from tests.partnerships.factories import FocusAreaFactory

ITEMS = [
    EvidenceItem(INSIGHT, "insight:1", "Mindsets: perceptual positions", "Seeing the library through a parent's eyes."),
    EvidenceItem(STRENGTH, "strength:1", "Self-reflection: collaboration", "I plan units with grade-level teams."),
    EvidenceItem(GROWTH_AREA, "growth:1", "Self-reflection: data use", "I rarely use reading data to plan."),
    EvidenceItem(GOAL, "goal:1", "District strategic plan 2025–2028", "Every student reads widely and often."),
    EvidenceItem(INTERVIEW, "interview:1", "First meeting with the principal", "Family engagement is a priority."),
]


@contextmanager
def registered_evidence(items=ITEMS):
    """Register a fake evidence provider (stages 1–4 stand-in), and unregister it after."""

    def provider(enrollment):
        return list(items)

    evidence.register_evidence(provider)
    try:
        yield items
    finally:
        evidence._providers.remove(provider)


def share_areas(partnership, teacher, n=3):
    areas = [FocusAreaFactory(partnership=partnership, created_by=teacher, title=f"Area {i}") for i in range(1, n + 1)]
    svc.focus_areas_share(partnership=partnership, actor=teacher, focus_areas=areas)
    for fa in areas:
        fa.refresh_from_db()
    return areas
