"""Load a believable demo cohort. Safe to run again: it changes nothing the second time."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coursework.demo import DEMO_PASSWORD, seed


class Command(BaseCommand):
    help = "Create the demo course, cohort, instructor, teachers and principal (idempotent)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo refuses to run with DJANGO_ENV=production.")
        # Not one transaction: each step of the story commits on its own, so what a
        # service defers to the commit is written and dated with its step (coursework/demo.py).
        created = seed()
        self.stdout.write(self.style.SUCCESS("Demo data is ready." if created else "Demo data was already there."))
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for email, role in [
            ("teacher@demo.test", "teacher"),
            ("principal@demo.test", "principal (the teacher's administrator)"),
            ("instructor@demo.test", "course instructor"),
        ]:
            self.stdout.write(f"  {email:<24} {role}")
