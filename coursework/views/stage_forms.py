"""Shared plumbing for the small POST endpoints behind each stage's work area.

Each long-text field posts to its own endpoint. Without JavaScript the endpoint answers
with a redirect back to the stage page (at the form's anchor); an htmx request gets a
short "Saved at 10:42" fragment instead, so autosave can be attached later. Invalid input
re-renders the whole stage page with the bound form in place (status 400), keeping what
the teacher typed next to the error.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.html import escape

from coursework.access import own_enrollments


def own_enrollment(request, enrollment_pk):
    return get_object_or_404(own_enrollments(request.user).select_related("cohort", "partnership"), pk=enrollment_pk)


def stage_url(enrollment, slug, anchor=""):
    url = reverse("coursework:stage", args=[enrollment.pk, slug])
    return f"{url}#{anchor}" if anchor else url


def saved(request, enrollment, slug, *, anchor="", message=""):
    if getattr(request, "htmx", False):
        now = timezone.localtime()
        return HttpResponse(f'<span class="save-status">Saved at {escape(time_format(now, "H:i"))}</span>')
    if message:
        messages.success(request, message)
    return redirect(stage_url(enrollment, slug, anchor))


def invalid(request, enrollment, slug, **bound_forms):
    """The stage page again, with these bound forms (keyed as the provider expects)."""
    if getattr(request, "htmx", False):
        errors = "; ".join(
            str(e) for form in bound_forms.values() for field_errors in form.errors.values() for e in field_errors
        )
        return HttpResponse(f'<span class="save-status is-error">Not saved: {escape(errors)}</span>', status=422)
    from coursework.views.stages import stage_page

    request.stage_forms = bound_forms
    request.method = "GET"  # the provider renders; it must not treat this as its own POST
    response = stage_page(request, enrollment.pk, slug)
    response.status_code = 400
    return response


def bound_form(request, key):
    """A bound form handed over by `invalid`, or None."""
    return getattr(request, "stage_forms", {}).get(key)
