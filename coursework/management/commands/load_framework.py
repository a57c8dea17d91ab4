from django.core.management.base import BaseCommand, CommandError

from coursework.selfassessment.frameworks import framework_load, read_framework_file
from partnerships.common.errors import PlannerError


class Command(BaseCommand):
    help = (
        "Load a self-reflection framework from a JSON file (format: coursework/selfassessment/data/default_framework.json). "
        "Nothing is saved unless the whole file is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="path to the framework JSON file")
        parser.add_argument("--replace", action="store_true", help="replace a framework with the same name")
        parser.add_argument("--default", action="store_true", help="make it the default framework")

    def handle(self, *args, path, replace, default, **options):
        try:
            data = read_framework_file(path)
            if default and isinstance(data, dict):
                data["is_default"] = True
            framework = framework_load(data=data, replace=replace)
        except PlannerError as error:
            raise CommandError("The framework was not loaded:\n  - " + "\n  - ".join(error.errors)) from error
        domains = framework.domains.count()
        practices = sum(d.practices.count() for d in framework.domains.all())
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded “{framework.name}”: {domains} domains, {practices} practices, 4 rating levels"
                + (" (now the default)." if framework.is_default else ".")
            )
        )
