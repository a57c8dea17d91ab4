"""Version history follows visibility.

A versioned object that starts private (a draft) keeps every version, but someone who could
not read the draft must not read its wording through the history either: they see the
history only from the first shared version on. Each model with such a private state
registers how to tell a private version and who could read it; every page that shows
versions reads them through `visible_history`.
"""

_policies = {}


def register_private_state(model, *, is_private, sees_private):
    """`is_private(history_row)` -> bool; `sees_private(obj, viewer)` -> bool."""
    _policies[model] = (is_private, sees_private)


def visible_history(obj, viewer, rows=None):
    """The history rows of `obj` that `viewer` may read, oldest first.

    `rows` are the object's history rows, oldest first, when the caller fetched them
    already (the review page loads all focus areas' versions in one query).
    """
    if rows is None:
        rows = list(obj.history.select_related("history_user").order_by("history_date", "history_id"))
    else:
        rows = list(rows)
    policy = _policies.get(type(obj)._meta.concrete_model)
    if policy is None:
        return rows
    is_private, sees_private = policy
    if viewer is not None and viewer.is_authenticated and sees_private(obj, viewer):
        return rows
    for index, row in enumerate(rows):
        if not is_private(row):
            return rows[index:]
    return []
