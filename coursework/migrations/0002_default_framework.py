"""Load the default self-reflection framework as data.

Self-contained on purpose: a migration must not import live app code, which changes
after the migration is written. It reads the framework files in
coursework/selfassessment/data/ (see docs/ARCHITECTURE.md) and creates the rows
through the historical models.
"""

import json
from pathlib import Path

from django.db import migrations

FRAMEWORKS_DIR = Path(__file__).resolve().parent.parent / "selfassessment" / "data"


def load_frameworks(apps, schema_editor):
    Framework = apps.get_model("coursework", "Framework")
    Domain = apps.get_model("coursework", "Domain")
    Practice = apps.get_model("coursework", "Practice")
    RatingLevel = apps.get_model("coursework", "RatingLevel")
    for path in sorted(FRAMEWORKS_DIR.glob("*framework*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if Framework.objects.filter(name=data["name"]).exists():
            continue
        is_default = bool(data.get("is_default")) and not Framework.objects.filter(is_default=True).exists()
        framework = Framework.objects.create(
            name=data["name"].strip(), description=data.get("description", "").strip(), is_default=is_default
        )
        RatingLevel.objects.bulk_create(
            RatingLevel(
                framework=framework,
                value=level["value"],
                label=level["label"].strip(),
                description=level.get("description", "").strip(),
            )
            for level in data["levels"]
        )
        for d_position, domain_data in enumerate(data["domains"], start=1):
            domain = Domain.objects.create(framework=framework, position=d_position, name=domain_data["name"].strip())
            Practice.objects.bulk_create(
                Practice(domain=domain, position=p_position, statement=statement.strip())
                for p_position, statement in enumerate(domain_data["practices"], start=1)
            )


class Migration(migrations.Migration):
    dependencies = [("coursework", "0001_initial")]

    operations = [migrations.RunPython(load_frameworks, migrations.RunPython.noop)]
