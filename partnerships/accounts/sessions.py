"""The session engine (SESSION_ENGINE) and ending a person's sessions.

Sessions live in the database (any app instance can serve any request) in the
UserSession table, which records the signed-in person's id next to each session.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore


class SessionStore(DBStore):
    @classmethod
    def get_model_class(cls):
        from partnerships.models import UserSession

        return UserSession

    def create_model_instance(self, data):
        instance = super().create_model_instance(data)
        try:
            instance.user_id = int(data.get(SESSION_KEY))
        except (TypeError, ValueError):
            instance.user_id = None
        return instance


def sessions_end(*, user, keep=None):
    """End every session of the person except the one whose key is `keep`. Returns how many."""
    from partnerships.models import UserSession

    sessions = UserSession.objects.filter(user_id=user.pk)
    if keep:
        sessions = sessions.exclude(session_key=keep)
    deleted, _ = sessions.delete()
    return deleted
