from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models


class UserSession(AbstractBaseSession):
    """A database session that remembers whose it is, so a person's other sessions can end.

    Signing out, changing the password and deactivation end every other session of the
    same person (partnerships.sessions.sessions_end).
    """

    user_id = models.BigIntegerField(null=True, blank=True, db_index=True)

    class Meta(AbstractBaseSession.Meta):
        verbose_name = "session"

    @classmethod
    def get_session_store_class(cls):
        from partnerships.sessions import SessionStore

        return SessionStore
