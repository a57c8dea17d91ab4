"""How django-axes names the account in a sign-in attempt.

The sign-in form posts the email address as `username`; lower-casing it means
“Jo@School.test” and “jo@school.test” count against the same account.
"""


def lockout_username(request, credentials=None):
    field = "username"
    if credentials and credentials.get(field):
        value = credentials[field]
    else:
        value = getattr(request, "POST", {}).get(field, "") if request is not None else ""
    return (value or "").strip().lower() or None
