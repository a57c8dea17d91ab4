"""The one error services raise for things a person can put right, and how views show it.

A service refuses a request by raising :class:`PlannerError` with a message in plain
words (safe to show as it is). ``field`` names the form field the message belongs to when
there is one; ``code`` lets code tell refusals apart without matching on words. Views pass
it to :func:`show_error`, which puts it next to the field (or above the form) when there is
a form and in the page messages otherwise.

An edit made from an out-of-date copy raises :class:`Conflict`, the one optimistic
concurrency error: every versioned save checks and bumps its version with
:func:`advance_version` (or :func:`check_version` when the bump comes later), so the conflict
screens all receive the same fields.
"""

from django.contrib import messages


class PlannerError(Exception):
    """Something that cannot be done now; the message is safe to show."""

    def __init__(self, message, *, field=None, code=None, errors=None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code
        # Several problems found at once (a roster or framework file): each one, in order.
        self.errors = list(errors) if errors is not None else [message]

    @classmethod
    def listing(cls, errors, **kwargs):
        """One error reporting every problem in `errors` (joined for the short message)."""
        return cls("; ".join(errors), errors=errors, **kwargs)


class Conflict(PlannerError):
    """Someone saved since this copy was opened; nothing was written.

    ``current`` is the object as saved now (when the screen compares whole objects),
    ``current_value`` the saved value of the one field being saved (autosave),
    ``current_version`` and ``expected_version`` the saved version and the one the edit
    started from, ``changed_at`` when the saved version was stored, if known.
    """

    def __init__(
        self,
        message="This was changed elsewhere since the page was loaded.",
        *,
        current_version,
        expected_version,
        current=None,
        current_value=None,
        changed_at=None,
        field=None,
    ):
        super().__init__(message, field=field, code="conflict")
        self.current = current
        self.current_value = current_value
        self.current_version = current_version
        self.expected_version = expected_version
        self.changed_at = changed_at


def check_version(obj, expected_version, *, attr="version", message=None, **conflict):
    """Raise Conflict unless ``obj.<attr>`` is still `expected_version` (0 or "" count as 0)."""
    current_version = getattr(obj, attr)
    expected = int(expected_version or 0)
    if current_version != expected:
        kwargs = {"current": obj, **conflict}
        if message is not None:
            kwargs["message"] = message
        raise Conflict(current_version=current_version, expected_version=expected, **kwargs)


def advance_version(obj, expected_version, *, attr="version", message=None, **conflict):
    """Check the version `obj` was edited from, then bump it for the save that follows.

    Call it before changing any field, so a Conflict carries the values as saved.
    """
    check_version(obj, expected_version, attr=attr, message=message, **conflict)
    setattr(obj, attr, getattr(obj, attr) + 1)
    return getattr(obj, attr)


def show_error(request, error, *, form=None, field=None):
    """Show a PlannerError: on `form` (at its field, else above it) or as a page message.

    `field` is where the view puts the message when the service did not name one.
    """
    if form is None:
        messages.error(request, error.message)
        return
    target = error.field or field
    form.add_error(target if target in form.fields else None, error.message)
