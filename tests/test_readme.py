"""The README keeps its promises: two commands first, every setting documented."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_readme_starts_with_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make run", "make test"]
    assert README.index("```sh") < README.index("## ")


def test_every_environment_variable_in_settings_is_documented():
    settings_source = (ROOT / "partnerships" / "settings.py").read_text()
    names = set(re.findall(r"env(?:_bool|_list)?\(\s*\"([A-Z_]+)\"", settings_source))
    assert {"DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"} <= names
    undocumented = sorted(n for n in names if f"| `{n}` |" not in README)
    assert undocumented == []


def test_demo_sign_ins_and_production_serving_are_documented():
    for text in [
        "teacher@demo.test",
        "principal@demo.test",
        "instructor@demo.test",
        "partnership-demo",
        "python manage.py collectstatic --noinput",
        "gunicorn partnerships.wsgi --workers 4 --bind 127.0.0.1:8000",
        "bash .ci/run",
        "apt-get install -y chromium",
    ]:
        assert text in README


def test_make_run_starts_the_web_server_and_a_task_worker_and_stops_both():
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^run:.*?\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "manage.py db_worker" in recipe
    assert "manage.py runserver" in recipe
    assert "trap" in recipe and "kill" in recipe
    assert "several `db_worker`" in README and "django-tasks-rq" in README
