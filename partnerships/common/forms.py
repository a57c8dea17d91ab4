"""The rules every form applies to what people type: one line or many, how long, which dates.

Every Form and ModelForm in both apps mixes in :class:`PlannerForm` (``class X(PlannerForm,
forms.ModelForm)``). When the form is built it walks its fields and, for each:

- a text field (``forms.CharField`` and subclasses) gets a length limit from
  ``partnerships.common.limits`` — the form's ``text_limits`` entry for it, else the field's
  own ``max_length``, else the default for one line or many — as the ``maxlength``
  attribute, a check with a message, and a hint under the field ("Up to 4,000 characters.");
- a one-line field (any widget but a Textarea) refuses control characters: line breaks,
  tabs, NUL and every other Unicode Cc/Cf character. A name or title with a line break
  would otherwise break an email header or a calendar line;
- a multi-line field (a Textarea) keeps line breaks and tabs, stores ``\\r\\n`` and ``\\r``
  as ``\\n`` (so the limit counts a line break once, as the browser does) and refuses the
  other control characters;
- a date or date-time field accepts only the dates of its purpose (the form's
  ``date_ranges`` entry, else ``limits.DATE_DEFAULT``), with ``min``/``max`` on the input.

The autosave endpoints clean their values with fields made by
``coursework.autosave.services.long_text_field``, which calls :func:`apply_text_rules` the
same way, so a value saved field by field meets the same rules as the whole-page form.
"""

import functools
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from partnerships.common import limits

ONE_LINE_MESSAGE = "Use one line: remove line breaks or tabs."
CONTROL_MESSAGE = "Remove the invisible control characters (they often come from copying and pasting)."

# Characters a multi-line field keeps; every other Cc/Cf character is refused.
MULTILINE_ALLOWED = frozenset("\n\t")
# Cf characters people type on purpose: the joiners inside emoji sequences and some scripts,
# and the tag characters of subdivision flags. NUL is left to Django's own null-character
# check, so it is reported once.
FORMAT_ALLOWED = frozenset("\u200c\u200d\x00") | frozenset(map(chr, range(0xE0020, 0xE0080)))
# A one-line field also refuses the Unicode line and paragraph separators.
ONE_LINE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
MULTILINE_CATEGORIES = frozenset({"Cc", "Cf"})


def _control_characters(value, categories, allowed):
    return any(
        unicodedata.category(ch) in categories and ch not in allowed and ch not in FORMAT_ALLOWED for ch in value
    )


def validate_one_line(value):
    if value and _control_characters(value, ONE_LINE_CATEGORIES, frozenset()):
        raise ValidationError(ONE_LINE_MESSAGE, code="one_line")


def validate_multiline(value):
    if value and _control_characters(value, MULTILINE_CATEGORIES, MULTILINE_ALLOWED):
        raise ValidationError(CONTROL_MESSAGE, code="control_characters")


def normalise_line_breaks(value):
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def is_multiline(field):
    return isinstance(field.widget, forms.Textarea)


def _is_password(field):
    return isinstance(field.widget, forms.PasswordInput)


def _default_limit(field):
    if _is_password(field):
        return limits.PASSWORD
    if isinstance(field, forms.EmailField):
        return limits.EMAIL
    if isinstance(field, forms.URLField):
        return limits.URL
    return limits.TEXTAREA_DEFAULT if is_multiline(field) else limits.LINE


def apply_text_rules(field, *, limit=None, hint=True, maxlength_attribute=True, length_check=True):
    """Give a CharField its length limit and its control-character rule (once)."""
    if getattr(field, "planner_text_rules", False):
        return field
    field.planner_text_rules = True
    # Never above the field's own max_length (a model column size), else the purpose's limit.
    limit = min(n for n in (limit, field.max_length) if n) if (limit or field.max_length) else _default_limit(field)
    field.max_length = limit
    if length_check:
        # A new validator rather than a changed one: validators are shared with the class's field.
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.validators.append(MaxLengthValidator(limit))
    if maxlength_attribute and not field.widget.is_hidden:
        field.widget.attrs["maxlength"] = str(limit)
    if _is_password(field):
        return field  # a password is never shown or mailed; any character it has is kept
    if is_multiline(field):
        field.validators.append(validate_multiline)
        original = field.to_python
        field.to_python = lambda value: normalise_line_breaks(original(value))
    else:
        field.validators.append(validate_one_line)
    if hint and not field.widget.is_hidden and not isinstance(field, forms.EmailField | forms.URLField):
        text = limits.hint(limit)
        if text not in str(field.help_text or ""):
            field.help_text = f"{field.help_text} {text}".strip() if field.help_text else text
    return field


def apply_date_rules(field, date_range):
    """Refuse dates outside `date_range`, with the range on the date input too."""
    if getattr(field, "planner_date_rules", False):
        return field
    field.planner_date_rules = True
    field.planner_date_range = date_range

    def in_range(value):
        if value is None:
            return
        day = value.date() if hasattr(value, "date") and callable(value.date) else value
        if not date_range.contains(day):
            raise ValidationError(date_range.message(), code="date_range")

    field.validators.append(in_range)
    if isinstance(field.widget, forms.DateInput) and field.widget.input_type == "date":
        field.widget.attrs["min"] = date_range.earliest.isoformat()
        field.widget.attrs["max"] = date_range.latest().isoformat()
    return field


class PlannerForm:
    """Mix into every Form and ModelForm (first in the bases): see the module docstring.

    ``text_limits`` maps a field name to its limit (``limits.COMMENT`` …); ``date_ranges``
    maps a field name to its ``limits.DateRange``. Fields added after ``__init__`` (a form
    that builds fields per row) go through :meth:`apply_rules` again.
    """

    text_limits = {}
    date_ranges = {}

    def __init_subclass__(cls, **kwargs):
        # Many forms add fields in their own __init__ (one per agenda item, per stage, per
        # prompt), after this class's __init__ has run: each subclass __init__ applies the
        # rules again when it returns. Applying them twice changes nothing.
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is not None and not getattr(init, "planner_rules", False):

            @functools.wraps(init)
            def __init__(self, *args, **kwargs):
                init(self, *args, **kwargs)
                self.apply_rules()

            __init__.planner_rules = True
            cls.__init__ = __init__

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.apply_rules()

    def apply_rules(self):
        for name, field in self.fields.items():
            self.apply_field_rules(name, field)

    def full_clean(self):
        # A field added to `fields` after __init__ still gets the rules before it is cleaned.
        self.apply_rules()
        super().full_clean()

    def apply_field_rules(self, name, field):
        if isinstance(field, forms.CharField):
            apply_text_rules(field, limit=self.text_limits.get(name))
        elif isinstance(field, forms.DateField | forms.DateTimeField):
            apply_date_rules(field, self.date_ranges.get(name, limits.DATE_DEFAULT))
        return field
