from django.db import migrations


def load_default(apps, schema_editor):
    from coursework.frameworks import DEFAULT_FRAMEWORK_PATH, framework_load, read_framework_file

    if not apps.get_model("coursework", "Framework").objects.filter(is_default=True).exists():
        framework_load(data=read_framework_file(DEFAULT_FRAMEWORK_PATH), apps=apps)


class Migration(migrations.Migration):
    dependencies = [("coursework", "0004_selfassessment_research")]

    operations = [migrations.RunPython(load_default, migrations.RunPython.noop)]
