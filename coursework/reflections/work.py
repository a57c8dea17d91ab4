"""The reflection stages' work areas (mindsets, final reflection), their submit checks and evidence.

Registered on import (coursework.apps.ready). The final-reflection stage's course
evaluation can wrap `reflection_work` and fill `{% block after_reflections %}` in a
template extending coursework/stages/final-reflection.html.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from coursework.reflections.forms import ReflectionAnswersForm
from coursework.reflections.services import (
    prompts_with_answers,
    reflections_save_all,
)


def reflection_work(request, enrollment, *, read_only, stage, template, carry_forward, look_back=None):
    """Context for a stage whose work is answering the cohort's prompts.

    Handles the page's own POST (the Save button, used without JavaScript): saves every
    answer that did not change elsewhere, and shows both texts for any that did.
    `look_back` maps a prompt's `looks_back` to the earlier work shown beside it.
    """
    items = prompts_with_answers(enrollment, stage)
    form = ReflectionAnswersForm(items=items, carry_forward=carry_forward)
    if request.method == "POST" and not read_only:
        form = ReflectionAnswersForm(request.POST, items=items, carry_forward=carry_forward)
        if form.is_valid():
            conflicts = reflections_save_all(enrollment=enrollment, answers=form.answers())
            if not conflicts:
                messages.success(request, "Your answers are saved.")
                return redirect(request.path)
            form = _with_conflicts(request, enrollment, stage, form, conflicts, carry_forward)
    rows = []
    conflicts = getattr(form, "conflicts", {})
    for prompt, reflection, text, carry, version in form.rows():
        rows.append(
            {
                "prompt": prompt,
                "reflection": reflection,
                "text": text,
                "carry": carry,
                "version": version,
                "conflict": conflicts.get(prompt.pk),
                "autosave_url": reverse("coursework:reflection_autosave", args=[enrollment.pk, prompt.pk]),
                "versions_url": reverse("coursework:reflection_versions", args=[enrollment.pk, prompt.pk]),
                "key": f"reflection:{enrollment.pk}:{prompt.pk}",
                "look_back": (look_back or {}).get(prompt.looks_back) if prompt.looks_back else None,
            }
        )
    answered = sum(1 for _, r in items if r and r.text.strip())
    return {
        "template": template,
        "form": form,
        "answer_rows": rows,
        "answered": answered,
        "read_only": read_only,
        "carry_forward": carry_forward,
        "look_back": look_back,
    }


def _with_conflicts(request, enrollment, stage, form, conflicts, carry_forward):
    """Re-bind the posted form to the current versions, keeping the teacher's text."""
    items = prompts_with_answers(enrollment, stage)
    data = request.POST.copy()
    for prompt, reflection in items:
        data[f"version-{prompt.pk}"] = str(reflection.version if reflection else 0)
    rebound = ReflectionAnswersForm(data, items=items, carry_forward=carry_forward)
    rebound.is_valid()
    for prompt_pk in conflicts:
        rebound.add_error(
            f"text-{prompt_pk}",
            "This answer was changed in another tab or on another device after you opened this page, so "
            "your text below was not saved. The saved text is shown under the box; press Save again to keep yours.",
        )
    rebound.conflicts = conflicts
    return rebound
