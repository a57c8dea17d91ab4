"""The autosave endpoint decorator: one field per POST, answered with a small fragment.

See coursework/autosave/services.py for how the pieces fit together.

Autosave endpoints for stage 2 and 4 long text; objects come through access.py functions.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, render, resolve_url
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from coursework.autosave import inputs as services
from coursework.autosave.services import long_text_field  # noqa: F401 — re-exported for endpoints
from coursework.models import Practice
from coursework.selfassessment.views import _framework
from coursework.stages.first_meeting import _enrollment_and_partnership, _meeting
from coursework.stages.views import own_enrollment
from partnerships.access import editable_meetings
from partnerships.common import limits
from partnerships.common.errors import Conflict, PlannerError
from partnerships.common.forms import PlannerForm
from partnerships.models import InterviewQuestion


class AutosaveForm(PlannerForm, forms.Form):
    field = forms.ChoiceField()
    version = forms.IntegerField(min_value=0, max_value=2_000_000_000)

    def __init__(self, data, *, fields):
        super().__init__(data)
        self.value_fields = fields
        self.fields["field"].choices = [(name, name) for name in fields]

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("field")
        if name:
            try:
                cleaned["value"] = self.value_fields[name].clean(self.data.get("value", ""))
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def message(self):
        if "version" in self.errors:
            return "The page sent no valid version number. Reload the page; your text is kept in this browser."
        if "field" in self.errors:
            return "The page asked to save a field that does not exist here."
        return " ".join(self.non_field_errors())


def _fragment(request, template, status, context=None, **headers):
    response = render(request, f"coursework/autosave/{template}", context or {}, status=status)
    for name, value in headers.items():
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response


def _csrf_problem(request):
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})


def autosave_endpoint(*, fields):
    """Turn `save(request, *args, field, value, base_version, **kwargs) -> Saved` into an endpoint.

    `fields` maps each savable field name to the form field that cleans its value
    (e.g. `long_text_field()` or `forms.BooleanField(required=False)`). The view fetches
    its object through access.py (404 outside the person's reach), calls a service, and
    returns coursework.autosave.Saved; Conflict, other PlannerErrors and ValidationError
    become fragments.
    """

    def decorate(save):
        @csrf_exempt  # checked below, after the sign-in check, so expiry answers 401 not 403
        @require_POST
        @wraps(save)
        def view(request, *args, **kwargs):
            login_url = resolve_url(settings.LOGIN_URL)
            if not request.user.is_authenticated:
                return _fragment(
                    request, "signed_out.html", 401, {"login_url": login_url}, **{"X-Login-URL": login_url}
                )
            if _csrf_problem(request) is not None:
                return _fragment(request, "page_expired.html", 403)
            form = AutosaveForm(request.POST, fields=fields)
            if not form.is_valid():
                return _fragment(request, "error.html", 400, {"message": form.message()})
            data = form.cleaned_data
            try:
                saved = save(
                    request, *args, field=data["field"], value=data["value"], base_version=data["version"], **kwargs
                )
            except Conflict as stale:
                context = {"stale": stale, "mine": request.POST.get("value", ""), "field": data["field"]}
                return _fragment(
                    request, "conflict.html", 409, context, **{"X-Autosave-Version": str(stale.current_version)}
                )
            except PlannerError as error:
                return _fragment(request, "error.html", 400, {"message": error.message})
            except ValidationError as error:
                return _fragment(request, "error.html", 400, {"message": " ".join(error.messages)})
            return _fragment(request, "saved.html", 200, {"saved": saved}, **{"X-Autosave-Version": str(saved.version)})

        return view

    return decorate


@autosave_endpoint(fields={"evidence": long_text_field(limits.EVIDENCE)})
def rating_evidence_autosave(request, enrollment_pk, practice_pk, *, field, value, base_version):
    enrollment = own_enrollment(request, enrollment_pk)
    practice = get_object_or_404(Practice.objects.filter(domain__framework=_framework(enrollment)), pk=practice_pk)
    return services.rating_evidence_autosave(
        enrollment=enrollment, practice=practice, value=value, base_version=base_version
    )


@autosave_endpoint(fields={"notes": long_text_field()})
def question_notes_autosave(request, enrollment_pk, pk, *, field, value, base_version):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    question = get_object_or_404(
        InterviewQuestion.objects.filter(meeting__in=editable_meetings(request.user), meeting__partnership=partnership),
        pk=pk,
    )
    return services.question_notes_autosave(
        enrollment=enrollment, question=question, value=value, base_version=base_version
    )


@autosave_endpoint(fields={"notes": long_text_field()})
def meeting_notes_autosave(request, enrollment_pk, *, field, value, base_version):
    enrollment, partnership = _enrollment_and_partnership(request, enrollment_pk)
    meeting = _meeting(request, partnership)
    return services.meeting_notes_autosave(
        enrollment=enrollment, meeting=meeting, value=value, base_version=base_version
    )
