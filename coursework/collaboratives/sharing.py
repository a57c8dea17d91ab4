"""Pieces of stage work a teacher may share, as a read-only snapshot, in a collaborative post.

Each stage registers a provider for a *kind* of shareable work:

    from coursework.sharing import shareable

    @shareable("self-reflection", label="Self-reflection summary")
    def self_reflection_summary(enrollment):
        sa = SelfAssessment.objects.filter(enrollment=enrollment).first()
        if sa is None:
            return []
        return [(f"self-reflection:{sa.pk}", "My strengths and areas for growth", sa.summary_text())]

A provider takes the author's Enrollment (in the collaborative's cohort) and returns a
list of ``(ref, title, text)``: ``ref`` is unique within the kind and stable (e.g.
"focus-area:42"), ``title`` a short heading, ``text`` plain text (it is rendered with the
same safe light formatting as posts). Return only the enrollment's own work — the
registry never widens access, it only offers what the author already owns.

Register the provider at import time from a module that AppConfig.ready() imports (the
built-in ones live in coursework/collaboratives/shareables.py). When a post is saved the
chosen item is *copied* into the post (kind, title, text), so later edits to the source
do not change what the collaborative saw.
"""

from dataclasses import dataclass

_providers = {}  # kind -> (label, provider)


@dataclass(frozen=True)
class Shareable:
    kind: str
    ref: str
    title: str
    text: str

    @property
    def choice_value(self):
        return f"{self.kind}|{self.ref}"

    @property
    def kind_label(self):
        return kind_label(self.kind)


def shareable(kind, *, label=None):
    """Register ``provider(enrollment) -> [(ref, title, text)]`` for a kind of stage work."""

    def register(provider):
        _providers[kind] = (label or kind.replace("-", " ").capitalize(), provider)
        return provider

    return register


def kind_label(kind):
    entry = _providers.get(kind)
    return entry[0] if entry else kind.replace("-", " ").capitalize()


def shareables_for(enrollment):
    """Every piece of work the enrollment's teacher may share now, in registry order."""
    if enrollment is None:
        return []
    items = []
    for kind, (_label, provider) in _providers.items():
        for ref, title, text in provider(enrollment):
            items.append(Shareable(kind=kind, ref=str(ref), title=str(title)[:200], text=str(text)))
    return items


def find_shareable(enrollment, choice_value):
    """The item the author chose (``kind|ref``), or None if it is not theirs to share."""
    return next((item for item in shareables_for(enrollment) if item.choice_value == choice_value), None)
