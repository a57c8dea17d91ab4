from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin, UserManager
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.utils import timezone


class EmailUserManager(UserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Roles come from relationships (enrollment, cohort, membership)."""

    class Notify(models.TextChoices):
        IMMEDIATE = "immediate", "Email me as things happen"
        DIGEST = "digest", "One daily digest email"

    email = models.EmailField("email address", unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    school = models.CharField(max_length=200, blank=True)
    district = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=200, blank=True)
    notification_preference = models.CharField(
        "email notifications", max_length=12, choices=Notify.choices, default=Notify.IMMEDIATE
    )
    is_staff = models.BooleanField(default=False, help_text="Can sign in to the Django admin.")
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = EmailUserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def get_full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self):
        return self.first_name or self.email


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
        from partnerships.accounts.sessions import SessionStore

        return SessionStore
