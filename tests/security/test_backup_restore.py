"""The portable JSON backup restores every row (SQLite round trip through subprocesses)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, db):
    env = {**os.environ, "SQLITE_PATH": str(db), "DJANGO_TESTING": "1"}
    env.pop("DATABASE_URL", None)
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_json_dump_and_load_round_trip(tmp_path):
    source, target, dump = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3", tmp_path / "backup.json"
    run(["manage.py", "migrate", "--noinput"], source)
    run(["manage.py", "seed_demo"], source)
    run(["-m", "bench.backup", "dump", str(dump)], source)
    before = json.loads(run(["-m", "bench.backup", "counts"], source).strip().splitlines()[-1])

    run(["manage.py", "migrate", "--noinput"], target)
    run(["-m", "bench.backup", "load", str(dump)], target)
    after = json.loads(run(["-m", "bench.backup", "counts"], target).strip().splitlines()[-1])

    assert sum(before.values()) > 20  # the demo data really is there
    assert before["partnerships.user"] >= 3 and before["coursework.enrollment"] >= 1
    assert after == before
