"""Email each digest reader their unsent notifications. Run once a day from cron:

15 6 * * *  cd /srv/app && .venv/bin/python manage.py send_digests
"""

from django.core.management.base import BaseCommand

from partnerships.notifications.services import send_digests


class Command(BaseCommand):
    help = "Send the daily digest email to everyone who chose a digest over immediate emails."

    def handle(self, *args, **options):
        count = send_digests()
        self.stdout.write(f"Sent {count} digest email{'s' if count != 1 else ''}.")
