"""Evidence a teacher can cite in a focus area, gathered from their stage inputs.

Each input stage registers a provider returning EvidenceItems for an enrollment. The
focus-area work (stage 5) shows them side by side and copies a chosen item into the
partnership as a snapshot (the partnership app never imports the course app).
"""

from dataclasses import dataclass

# Kinds, so a focus area can say which kinds of evidence it lacks.
INSIGHT = "insight"
STRENGTH = "strength"
GROWTH_AREA = "growth_area"
GOAL = "goal"
INTERVIEW = "interview"

KIND_LABELS = {
    INSIGHT: "Mindset insight",
    STRENGTH: "Strength",
    GROWTH_AREA: "Area for growth",
    GOAL: "School or district goal",
    INTERVIEW: "First meeting",
}


@dataclass(frozen=True)
class EvidenceItem:
    kind: str
    ref: str  # stable reference, e.g. "goal:42"
    source: str  # names where it came from, e.g. "District strategic plan 2025–2028"
    text: str


_providers = []


def register_evidence(provider):
    """Register `provider(enrollment) -> iterable of EvidenceItem`."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def evidence_for(enrollment):
    items = []
    for provider in _providers:
        items.extend(provider(enrollment))
    return items
