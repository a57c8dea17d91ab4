"""The shareable stage work that exists today (registered through coursework.sharing).

Imported from CourseworkConfig.ready(). Other stages add their own providers in their
own modules (see the coursework.sharing docstring).
"""

from coursework.collaboratives.sharing import shareable
from coursework.models import StageProgress
from coursework.stages.registry import STAGE_BY_SLUG, STAGES
from coursework.stages.selectors import progress_summary as summarise
from partnerships.models import FocusArea


@shareable("focus-area", label="Focus area draft")
def focus_area_drafts(enrollment):
    if enrollment.partnership_id is None:
        return []
    items = []
    for area in FocusArea.objects.filter(partnership_id=enrollment.partnership_id).order_by("created_at"):
        parts = [f"Need: {area.need}"]
        if area.rationale:
            parts.append(f"Why it matters here: {area.rationale}")
        items.append((f"focus-area:{area.pk}", area.title, "\n\n".join(parts)))
    return items


@shareable("progress", label="Stage progress summary")
def progress_summary(enrollment):
    rows = list(StageProgress.objects.filter(enrollment=enrollment).order_by("id"))
    if not rows:
        return []
    status = {r.stage: r.status for r in rows}
    summary = summarise([{"stage": s, "status": status.get(s.slug, StageProgress.Status.NOT_STARTED)} for s in STAGES])
    lines = [
        f"- {STAGE_BY_SLUG[r.stage].number}. {STAGE_BY_SLUG[r.stage].short_title}: {r.get_status_display()}"
        for r in rows
        if r.stage in STAGE_BY_SLUG
    ]
    text = f"{summary['text']}.\n\n" + "\n".join(lines)
    return [(f"progress:{enrollment.pk}", "Where I am in the unit", text)]
