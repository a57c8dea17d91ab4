"""Reflection answers: autosave one field, list earlier versions, read one, restore one."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coursework.access import own_enrollments, reflection_reader_enrollments
from coursework.autosave.views import autosave_endpoint, long_text_field
from coursework.models import Prompt
from coursework.reflections.services import reflection_restore, reflection_save, reflection_versions
from coursework.stages.registry import STAGE_BY_SLUG

VERSIONS_PER_PAGE = 50


def _prompt_for(enrollment, prompt_pk):
    return get_object_or_404(Prompt.objects.filter(cohort_id=enrollment.cohort_id), pk=prompt_pk)


@autosave_endpoint(fields={"text": long_text_field(), "carry_forward": forms.BooleanField(required=False)})
def reflection_autosave(request, enrollment_pk, prompt_pk, *, field, value, base_version):
    enrollment = get_object_or_404(own_enrollments(request.user), pk=enrollment_pk)
    prompt = _prompt_for(enrollment, prompt_pk)
    return reflection_save(enrollment=enrollment, prompt=prompt, base_version=base_version, **{field: value})


def _readable(request, enrollment_pk, prompt_pk):
    """The enrollment, prompt and answer, for the teacher or the cohort's instructors."""
    enrollment = get_object_or_404(
        reflection_reader_enrollments(request.user).select_related("teacher", "cohort"), pk=enrollment_pk
    )
    prompt = _prompt_for(enrollment, prompt_pk)
    reflection = enrollment.reflections.filter(prompt=prompt).first()
    is_teacher = enrollment.teacher_id == request.user.pk
    return enrollment, prompt, reflection, is_teacher


def _context(enrollment, prompt, reflection, is_teacher, **extra):
    return {
        "enrollment": enrollment,
        "prompt": prompt,
        "reflection": reflection,
        "stage": STAGE_BY_SLUG[prompt.stage],
        "is_teacher": is_teacher,
        "time_zone": timezone.get_current_timezone_name(),
        **extra,
    }


@login_required
def reflection_versions_view(request, enrollment_pk, prompt_pk):
    enrollment, prompt, reflection, is_teacher = _readable(request, enrollment_pk, prompt_pk)
    page = None
    if reflection is not None:
        page = Paginator(reflection_versions(reflection).select_related("history_user"), VERSIONS_PER_PAGE).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "coursework/reflections/versions.html",
        _context(enrollment, prompt, reflection, is_teacher, page=page),
    )


@login_required
def reflection_version_view(request, enrollment_pk, prompt_pk, history_id):
    enrollment, prompt, reflection, is_teacher = _readable(request, enrollment_pk, prompt_pk)
    if reflection is None:
        raise Http404("No answer yet")
    record = get_object_or_404(reflection.history.select_related("history_user"), history_id=history_id)
    return render(
        request,
        "coursework/reflections/version.html",
        _context(enrollment, prompt, reflection, is_teacher, record=record),
    )


@login_required
@require_POST
def reflection_restore_view(request, enrollment_pk, prompt_pk, history_id):
    enrollment = get_object_or_404(own_enrollments(request.user), pk=enrollment_pk)
    prompt = _prompt_for(enrollment, prompt_pk)
    reflection = get_object_or_404(enrollment.reflections, prompt=prompt)
    record = get_object_or_404(reflection.history, history_id=history_id)
    reflection_restore(reflection=reflection, history_id=record.history_id)
    messages.success(
        request,
        f"Version {record.version} is your answer again (saved as a new version; nothing was deleted).",
    )
    return redirect(reverse("coursework:stage", args=[enrollment.pk, prompt.stage]) + f"#answer-{prompt.pk}")
