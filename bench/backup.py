"""Portable JSON backup and restore, and a round trip that proves it (issue 8).

    python -m bench.backup dump  backup.json      # any database: what DATABASE_URL / SQLITE_PATH point at
    python -m bench.backup load  backup.json      # into an empty, migrated database
    python -m bench.backup counts                 # rows per model, as JSON

`dump` is `manage.py dumpdata --natural-foreign --natural-primary` without the tables
that are rebuilt or not worth keeping (content types and permissions are recreated by
migrate; sessions and sign-in attempt logs are transient).
"""

import json
import os
import sys

EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "partnerships.usersession",
    "sessions",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accesslog",
    "axes.accessfailurelog",
]

DUMP_COMMAND = ["dumpdata", "--natural-foreign", "--natural-primary"] + [f"--exclude={e}" for e in EXCLUDE]


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings")
    import django

    django.setup()


def counts():
    """Rows per backed-up model."""
    from django.apps import apps

    excluded = {e.lower() for e in EXCLUDE}
    result = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in excluded or model._meta.app_label in excluded or model._meta.proxy:
            continue
        result[label] = model._default_manager.count()
    return result


def main(argv):
    setup()
    from django.core.management import call_command

    command = argv[0] if argv else "counts"
    if command == "dump":
        call_command(*DUMP_COMMAND, "--output", argv[1])
    elif command == "load":
        call_command("loaddata", argv[1])
    elif command == "counts":
        print(json.dumps(counts(), sort_keys=True))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
