"""Autosave: long text is saved field by field while the person types, never lost.

This is the reusable mechanism every stage with long text uses. It has four parts.

1. The model keeps a ``version`` integer (1 after the first save, +1 on every save) and
   ``history = HistoricalRecords()`` so every save is a version that can be restored.

2. A service saves one field with the version the browser started from. When the stored
   version moved on (another tab or device saved in between) and the value differs, it
   raises :class:`partnerships.common.errors.Conflict` and changes nothing. A value that is
   already stored is not written again (a retried request that did arrive), and
   ``advance_version`` checks the version and bumps it for the save::

       @transaction.atomic
       def note_save_field(*, note, field, value, base_version):
           note = Note.objects.select_for_update().get(pk=note.pk)
           if getattr(note, field) != value:
               advance_version(note, base_version,
                               current_value=getattr(note, field), changed_at=note.updated_at)
               setattr(note, field, value)
               note.save()
           return Saved(version=note.version, saved_at=note.updated_at)

3. A view decorated with :func:`coursework.autosave.views.autosave_endpoint` receives
   ``field``, ``value`` (cleaned by the form field given for it) and ``base_version``,
   calls the service and returns :class:`Saved`. The decorator answers htmx/fetch posts
   with small HTML fragments ("Saved at 10:42", a conflict panel showing both texts, or
   a plain error for any other PlannerError), answers 401 instead of a sign-in redirect when the session has
   expired, and checks CSRF itself (after the sign-in check)::

       @autosave_endpoint(fields={"notes": long_text_field()})
       def note_autosave(request, pk, *, field, value, base_version):
           note = get_object_or_404(own_notes(request.user), pk=pk)
           return note_save_field(note=note, field=field, value=value, base_version=base_version)

4. The template wraps the fields of one object in a container that
   ``static/js/autosave.js`` (loaded on every page by base.html) enhances. Each field is
   marked ``data-autosave-field="<name>"``; the status line comes from the
   ``{% save_status %}`` tag of ``autosave_tags`` (give it a unique ``status_id`` and point the
   field's ``aria-describedby`` at ``save-status-<status_id>``). A conflict panel appears
   in an element marked ``data-autosave-conflict`` (created at the end of the container
   if there is none)::

       {% load autosave_tags %}
       <div {% autosave_attrs save_url note.version key %}>
         <label for="id_notes">Notes</label>
         <textarea id="id_notes" name="notes" data-autosave-field="notes"
                   aria-describedby="save-status-note{{ note.pk }}">{{ note.notes }}</textarea>
         {% save_status note.updated_at "note"|add:note.pk %}
       </div>

   ``key`` names the object for localStorage (e.g. ``"note:42"``); it must be unique per
   object and stable across page loads. The page's normal form (with a Save button)
   still posts everything when JavaScript is off; hidden version inputs marked
   ``data-autosave-version-input`` inside the container are kept current by the script.
   The container must sit inside a form with ``{% csrf_token %}`` (the script sends it).
   See templates/coursework/reflections/_answers.html for a complete example.

The script saves ~1.5 s after typing stops and when the field loses focus, shows
"Saving…", "Saved at HH:MM" or "Not saved — retrying" (with backoff), keeps unsaved text
in localStorage (restored after a reload and re-posted after signing in again), and shows
both texts on a version conflict so nothing is overwritten silently.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError

from coursework.reflections.models import MAX_REFLECTION_CHARS
from partnerships.common.forms import apply_text_rules


@dataclass(frozen=True)
class Saved:
    """What an autosave service returns: the new version and when it was stored."""

    version: int
    saved_at: datetime


def long_text_field(max_chars=MAX_REFLECTION_CHARS):
    """A form field for long text: kept as typed, refused (not cut) when too long.

    It follows the rules of every multi-line field (partnerships.common.forms): line breaks
    stored as ``\n``, control characters refused, the limit shown as a hint. It has no
    ``maxlength`` attribute, which would make the browser cut a longer paste silently.
    """

    def limit(value):
        if len(value) > max_chars:
            raise ValidationError(
                f"This text is {len(value):,} characters long; the limit is {max_chars:,}. "
                "Shorten it and it will be saved — nothing you typed is thrown away.",
                code="too_long",
            )

    field = forms.CharField(required=False, strip=False, validators=[limit], widget=forms.Textarea)
    return apply_text_rules(field, limit=max_chars, length_check=False, maxlength_attribute=False)
