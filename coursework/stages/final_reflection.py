"""Stage 8 (`final-reflection`): the final reflection (the course evaluation has its own page).

The teacher looks back at the unit, so each question that refers to earlier work shows it
beside the answer box (Prompt.looks_back), and the page opens with the partnership's
timeline so far.
"""

from coursework.models import ChosenPractice, Prompt
from coursework.reflections.services import prompts_with_answers, unanswered_message
from coursework.reflections.work import reflection_work
from coursework.stages.checks import submit_requirement
from coursework.stages.work import stage_work
from partnerships.members.selectors import partnership_timeline
from partnerships.models import ActionPlan, Outcome
from partnerships.plan.selectors import selected_focus_area

LookBack = Prompt.LookBack


def look_back_context(enrollment):
    """The teacher's earlier work, by the kind of look back a prompt asks for."""
    partnership = enrollment.partnership
    choices = list(
        ChosenPractice.objects.filter(self_assessment__enrollment=enrollment).select_related("practice__domain")
    )
    plan = ActionPlan.objects.filter(partnership=partnership, deleted_at__isnull=True).first()
    return {
        LookBack.MINDSETS: {
            "kind": LookBack.MINDSETS,
            "answers": [(p, r) for p, r in prompts_with_answers(enrollment, "mindsets") if r and r.text.strip()],
        },
        LookBack.SELF_REFLECTION: {
            "kind": LookBack.SELF_REFLECTION,
            "strengths": [c for c in choices if c.kind == ChosenPractice.Kind.STRENGTH],
            "growth_areas": [c for c in choices if c.kind == ChosenPractice.Kind.GROWTH_AREA],
        },
        LookBack.PLAN: {
            "kind": LookBack.PLAN,
            "focus_area": selected_focus_area(partnership),
            "plan": plan,
            "outcomes": list(Outcome.objects.filter(plan=plan, deleted_at__isnull=True)) if plan else [],
        },
        LookBack.PARTNERSHIP: {"kind": LookBack.PARTNERSHIP, "timeline": partnership_timeline(partnership)},
    }


@stage_work("final-reflection")
def final_reflection_work(request, enrollment, *, read_only=False):
    look_back = look_back_context(enrollment)
    context = reflection_work(
        request,
        enrollment,
        read_only=read_only,
        stage="final-reflection",
        template="coursework/stages/final-reflection.html",
        carry_forward=False,
        look_back=look_back,
    )
    if isinstance(context, dict):
        context["timeline"] = look_back[LookBack.PARTNERSHIP]["timeline"]
    return context


@submit_requirement("final-reflection")
def final_reflection_ready(enrollment):
    """Every final-reflection prompt answered (the course evaluation may add its own check)."""
    return unanswered_message(enrollment, "final-reflection")
