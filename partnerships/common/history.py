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


def visible_history(obj, viewer, rows=None, sees_private=None):
    """The history rows of `obj` that `viewer` may read, oldest first.

    `rows` are the object's history rows, oldest first, when the caller fetched them
    already (the review page loads all focus areas' versions in one query);
    `sees_private` whether the viewer could read the private versions, when the caller
    knows it already (the review page knows the viewer's role).
    """
    if rows is None:
        rows = list(obj.history.select_related("history_user").order_by("history_date", "history_id"))
    else:
        rows = list(rows)
    policy = _policies.get(type(obj)._meta.concrete_model)
    if policy is None:
        return rows
    is_private, could_read = policy
    if sees_private is None:
        sees_private = viewer is not None and viewer.is_authenticated and could_read(obj, viewer)
    if sees_private:
        return rows
    for index, row in enumerate(rows):
        if not is_private(row):
            return rows[index:]
    return []
