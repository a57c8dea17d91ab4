"""Every form in both apps follows the shared input rules (partnerships.common.forms).

The first tests walk every module of partnerships and coursework, so a form added later
without the mixin fails here.
"""

import importlib
import inspect
import pkgutil
from types import SimpleNamespace

import pytest
from django import forms
from django.core.exceptions import ValidationError

from partnerships.common import limits
from partnerships.common.forms import CONTROL_MESSAGE, ONE_LINE_MESSAGE, PlannerForm, apply_text_rules
from partnerships.models import FocusArea
from tests.coursework.factories import CollaborativeFactory, PromptFactory
from tests.partnerships.factories import AgendaItemFactory, FocusAreaFactory, OutcomeFactory, TouchPointFactory

SKIP_MODULES = ("migrations", "settings", "wsgi", "asgi")


def defined_forms():
    found = []
    for package in ("partnerships", "coursework"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if any(part in SKIP_MODULES for part in info.name.split(".")):
                continue
            module = importlib.import_module(info.name)
            for name, obj in vars(module).items():
                if inspect.isclass(obj) and issubclass(obj, forms.BaseForm) and obj.__module__ == info.name:
                    found.append(obj)
    return found


FORMS = defined_forms()


def label(form_class):
    return f"{form_class.__module__}.{form_class.__name__}"


def test_the_walk_finds_the_forms():
    names = {label(f) for f in FORMS}
    assert "partnerships.members.forms.PartnershipForm" in names
    assert "coursework.reflections.forms.ReflectionAnswersForm" in names
    assert len(FORMS) > 50


@pytest.mark.parametrize("form_class", FORMS, ids=label)
def test_every_form_uses_the_shared_rules(form_class):
    assert issubclass(form_class, PlannerForm), f"{label(form_class)} does not mix in PlannerForm"
    assert form_class.__mro__.index(PlannerForm) < form_class.__mro__.index(forms.BaseForm)


def _kwargs(form_class, teacher, partnership, cohort):
    """What each form needs to be built; one world, the smallest that gives every field."""
    name = form_class.__name__
    module = form_class.__module__
    if name == "AuditFilterForm":
        return {}
    if name == "ShareForm":
        return {"drafts": FocusArea.objects.none()}
    if name == "EvidencePickForm":
        return {"items": [], "focus_area": FocusAreaFactory(partnership=partnership), "kind_labels": {}}
    if name == "MeetingRecordForm":
        return {"agenda": [AgendaItemFactory(partnership=partnership)]}
    if name == "InvitationForm" or name == "StepForm":
        return {"partnership": partnership}
    if name == "NewAccountForm":
        return {"email": "new@school.test"}
    if name == "TouchPointRecordForm":
        outcome = OutcomeFactory(plan__partnership=partnership)
        return {"touch_point": TouchPointFactory(partnership=partnership), "outcomes": [outcome]}
    if name == "AutosaveForm":
        return {"fields": {"text": forms.CharField()}}
    if name == "CollaborativeForm":
        return {"cohort": cohort}
    if name == "InviteForm":
        return {"collaborative": CollaborativeFactory(cohort=cohort)}
    if name == "CohortForm":
        return {"actor": teacher}
    if name == "ReflectionAnswersForm":
        return {"items": [(PromptFactory(), None)], "carry_forward": True}
    if name == "StrategicGoalForm":
        from coursework.models import ResearchSource

        return {"sources": ResearchSource.objects.none()}
    if name == "RatingForm":
        return {"levels": [], "practice": SimpleNamespace(pk=1)}
    if name == "ChoicesForm":
        return {"practices": []}
    assert module  # every other form builds with no arguments
    return {}


def built_forms(teacher, partnership, cohort):
    for form_class in FORMS:
        meta = getattr(form_class, "_meta", None)
        if issubclass(form_class, forms.BaseModelForm) and getattr(meta, "model", None) is None:
            continue  # an abstract base (VersionedForm): its subclasses are built instead
        kwargs = _kwargs(form_class, teacher, partnership, cohort)
        if form_class.__name__ in ("AutosaveForm", "ReflectionAnswersForm"):
            yield form_class, form_class(None, **kwargs)
        else:
            yield form_class, form_class(**kwargs)


def text_fields(form):
    return [(name, f) for name, f in form.fields.items() if isinstance(f, forms.CharField)]


def date_fields(form):
    return [(name, f) for name, f in form.fields.items() if isinstance(f, forms.DateField | forms.DateTimeField)]


def errors_of(field, value):
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    return refused.value.messages


def test_every_text_field_has_a_limit_and_single_line_fields_refuse_line_breaks(teacher, partnership, cohort):
    checked_single, checked_multi = 0, 0
    for form_class, form in built_forms(teacher, partnership, cohort):
        for name, field in text_fields(form):
            where = f"{label(form_class)}.{name}"
            assert field.max_length, f"{where} has no length limit"
            assert field.max_length <= limits.REFLECTION_ANSWER, where
            if isinstance(field.widget, forms.PasswordInput):
                continue
            if isinstance(field.widget, forms.Textarea):
                assert field.clean("one\r\ntwo\rthree\tfour") == "one\ntwo\nthree\tfour", where
                assert CONTROL_MESSAGE in errors_of(field, "a\x01b"), where
                checked_multi += 1
            else:
                messages = errors_of(field, "a\nb")
                if not isinstance(field, forms.EmailField | forms.URLField):
                    assert ONE_LINE_MESSAGE in messages, where
                    assert ONE_LINE_MESSAGE in errors_of(field, "a\tb"), where
                    assert ONE_LINE_MESSAGE in errors_of(field, "a\u202eb"), where
                checked_single += 1
    assert checked_single >= 40 and checked_multi >= 40


def test_every_visible_text_field_shows_its_limit(teacher, partnership, cohort):
    for form_class, form in built_forms(teacher, partnership, cohort):
        for name, field in text_fields(form):
            if field.widget.is_hidden or isinstance(field, forms.EmailField | forms.URLField):
                continue
            where = f"{label(form_class)}.{name}"
            if not isinstance(field.widget, forms.PasswordInput):
                assert limits.hint(field.max_length) in str(field.help_text), where
            html = str(form[name])
            # Autosaved long text has no maxlength: the browser would cut a longer paste.
            if form_class.__name__ != "ReflectionAnswersForm":
                assert f'maxlength="{field.max_length}"' in html, where


def test_every_date_field_refuses_far_off_dates(teacher, partnership, cohort):
    checked = 0
    for form_class, form in built_forms(teacher, partnership, cohort):
        for name, field in date_fields(form):
            where = f"{label(form_class)}.{name}"
            far = "9999-12-31 10:00" if isinstance(field, forms.DateTimeField) else "9999-12-31"
            assert any(m.startswith("Choose a date between") for m in errors_of(field, far)), where
            assert errors_of(field, "1899-12-31"), where
            checked += 1
    assert checked >= 15


def test_emoji_and_other_scripts_are_kept():
    field = apply_text_rules(forms.CharField(max_length=100))
    assert field.clean("Zoë 漢字 👩🏽‍🏫 🏳️‍🌈") == "Zoë 漢字 👩🏽‍🏫 🏳️‍🌈"


def test_date_range_table_reads_today():
    from datetime import date

    assert limits.SCHEDULE.latest(date(2026, 2, 28)) == date(2031, 2, 28)
    assert limits.SCHEDULE.latest(date(2028, 2, 29)) == date(2033, 2, 28)
    assert limits.SCHEDULE.contains(date(2000, 1, 1))
    assert not limits.SCHEDULE.contains(date(1999, 12, 31))
    assert not limits.SCHEDULE.contains(date(9999, 12, 31))
