"""Load and fault runs against the production server (issue 8). Loopback only, bounded.

    .venv/bin/python -m bench.load_faults                  # every scenario, 30 s of load each
    .venv/bin/python -m bench.load_faults --only sqlite --duration 10

Scenarios (each starts and stops its own gunicorn; nothing is left running):
  pg      gunicorn (--workers) with production settings on PostgreSQL; teachers autosave
          and invite, administrators autosave, for --duration seconds (locust). Counts
          requests, errors (must be 0), acknowledged writes vs rows found (must be equal).
  sqlite  the same on one SQLite file (WAL, busy timeout, immediate transactions): no
          "database is locked".
  fault   the pg load while PostgreSQL is stopped for --outage seconds in the middle and
          started again: the app answers the friendly 503 meanwhile, recovers by itself,
          and no acknowledged write is lost.
  two     two app instances on two ports sharing one PostgreSQL: sign in on one, carry on
          (read and save) on the other with the same session.
  backup  pg_dump/pg_restore round trip, and the portable JSON dump from PostgreSQL loaded
          into a fresh SQLite database: object counts must match.

PostgreSQL runs in its own cluster (15/bench on port 5433, created on first use) so that
restarting it never disturbs anyone else's database on 5432; it is stopped at the end.
Results: bench/out/load_faults.json and a summary on stdout.
"""

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG_VERSION, PG_CLUSTER, PG_PORT = "15", "bench", 5433
PG_URL = f"postgres://planner:planner@127.0.0.1:{PG_PORT}"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def sh(args, env=None, check=True, timeout=300, **kwargs):
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, **kwargs)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def base_env(**extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
        "DJANGO_ENV": "production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "PYTHONPATH": str(ROOT),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DATABASE_URL", None)
    env.pop("SQLITE_PATH", None)
    env.pop("DJANGO_TESTING", None)
    env.update(extra)
    return env


SECRET_KEY = secrets.token_urlsafe(50)


# --- PostgreSQL ----------------------------------------------------------------------------------
def pg_psql(sql, db="postgres"):
    return sh(["su", "postgres", "-c", f'psql -p {PG_PORT} -v ON_ERROR_STOP=1 -qtA -d {db} -c "{sql}"'])


def pg_ready(timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if sh(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)], check=False).returncode == 0:
            return True
        time.sleep(0.5)
    return False


def pg_start():
    clusters = sh(["pg_lsclusters", "-h"]).stdout
    if not any(line.split()[:2] == [PG_VERSION, PG_CLUSTER] for line in clusters.splitlines()):
        log(f"creating PostgreSQL cluster {PG_VERSION}/{PG_CLUSTER} on port {PG_PORT}")
        sh(["pg_createcluster", PG_VERSION, PG_CLUSTER, "--port", str(PG_PORT)])
    sh(["pg_ctlcluster", PG_VERSION, PG_CLUSTER, "start"], check=False)
    if not pg_ready():
        raise RuntimeError("PostgreSQL did not start")
    exists = pg_psql("SELECT 1 FROM pg_roles WHERE rolname='planner'").stdout.strip()
    if not exists:
        pg_psql("CREATE ROLE planner LOGIN PASSWORD 'planner' CREATEDB")


def pg_fresh_db(name):
    pg_psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    pg_psql(f"CREATE DATABASE {name} OWNER planner")
    return f"{PG_URL}/{name}"


def pg_stop():
    sh(["pg_ctlcluster", PG_VERSION, PG_CLUSTER, "stop", "-m", "fast"], check=False)


# --- The app -------------------------------------------------------------------------------------
class Server:
    def __init__(self, env, port, workers, name):
        self.port, self.name = port, name
        self.log_path = OUT / f"gunicorn-{name}.log"
        self.log_file = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "partnerships.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
                "--access-logfile",
                "-",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.request("/account/sign-in/"), timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"gunicorn {name} did not answer; see {self.log_path}")

    def request(self, path):
        return urllib.request.Request(self.url + path, headers={"X-Forwarded-Proto": "https"})

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()

    def log_text(self):
        return self.log_path.read_text(errors="replace")


def prepare(env, teachers, admins, name):
    sh([PY, "manage.py", "migrate", "--noinput"], env=env)
    accounts = OUT / f"accounts-{name}.json"
    sh([PY, "-m", "bench.lf_db", "seed", str(teachers), str(admins), str(accounts)], env=env)
    return accounts


def drive(server, accounts, duration, name):
    out = OUT / f"locust-{name}.json"
    sh([PY, "-m", "bench.lf_locust", server.url, str(accounts), str(duration), str(out)], timeout=duration + 120)
    return json.loads(out.read_text())


def verify(env, name):
    result = sh([PY, "-m", "bench.lf_db", "verify", str(OUT / f"locust-{name}.json")], env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def summarise(load, check, server):
    text = server.log_text()
    return {
        "requests": load["requests"],
        "requests_in_window": load["requests_in_window"],
        "sign_in_seconds": load["sign_in_seconds"],
        "seconds": load["seconds"],
        "requests_per_second": load["locust"]["rps"],
        "p50_ms": load["locust"]["p50_ms"],
        "p95_ms": load["locust"]["p95_ms"],
        "statuses": load["statuses"],
        "errors": len(load["errors"]),
        "error_samples": load["errors"][:5],
        "writes_sent": len(load["writes"]),
        "writes_acknowledged": check["acknowledged"],
        "acknowledged_writes_found": check["rows_found"],
        "lost": check["lost"][:10],
        "by_target": check["by_target"],
        "friendly_503": len(load["friendly_503"]),
        "database_is_locked_in_log": text.count("database is locked"),
        "tracebacks_in_log": text.count("Traceback"),
    }


def scenario_load(args, kind):
    if kind == "pg":
        env = base_env(DATABASE_URL=pg_fresh_db("planner_load"))
    else:
        path = OUT / "load.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        env = base_env(SQLITE_PATH=str(path))
    accounts = prepare(env, args.teachers, args.admins, kind)
    server = Server(env, 8201 if kind == "pg" else 8202, args.workers, kind)
    try:
        load = drive(server, accounts, args.duration, kind)
    finally:
        server.stop()
    result = summarise(load, verify(env, kind), server)
    result["passed"] = (
        result["errors"] == 0
        and result["writes_acknowledged"] > 0
        and result["writes_acknowledged"] == result["acknowledged_writes_found"]
        and not result["lost"]
        and result["database_is_locked_in_log"] == 0
        and result["friendly_503"] == 0
    )
    return result


def scenario_fault(args):
    env = base_env(DATABASE_URL=pg_fresh_db("planner_fault"))
    accounts = prepare(env, args.teachers, args.admins, "fault")
    server = Server(env, 8203, args.workers, "fault")
    outage = {}

    marker = OUT / "locust-fault.json.window"
    marker.unlink(missing_ok=True)

    def outage_thread():
        deadline = time.time() + 240
        while not marker.exists() and time.time() < deadline:
            time.sleep(0.2)
        time.sleep(args.duration / 3)  # a third into the timed window
        outage["stopped_at"] = time.time()
        log(f"stopping PostgreSQL for {args.outage} s")
        pg_stop()
        time.sleep(args.outage)
        sh(["pg_ctlcluster", PG_VERSION, PG_CLUSTER, "start"])
        pg_ready()
        outage["started_at"] = time.time()
        log("PostgreSQL is back")

    thread = threading.Thread(target=outage_thread, daemon=True)
    thread.start()
    try:
        load = drive(server, accounts, args.duration, "fault")
    finally:
        thread.join(timeout=60)
        server.stop()
    result = summarise(load, verify(env, "fault"), server)
    result["outage_seconds"] = round(outage["started_at"] - outage["stopped_at"], 1)
    if load["last_503"]:
        result["recovered_seconds_after_database_back"] = round(max(0.0, load["last_503"] - outage["started_at"]), 1)
    result["successful_requests_after_last_503"] = load["ok_after_last_503"]
    result["passed"] = (
        result["errors"] == 0
        and result["friendly_503"] > 0
        and result["writes_acknowledged"] > 0
        and result["successful_requests_after_last_503"] > 0
        and not result["lost"]
        and result["writes_acknowledged"] == result["acknowledged_writes_found"]
    )
    return result


def scenario_two(args):
    import re
    from http.cookies import SimpleCookie

    env = base_env(DATABASE_URL=pg_fresh_db("planner_two"))
    accounts = json.loads(prepare(env, 1, 0, "two").read_text())
    who = accounts["accounts"][0]
    one, two = Server(env, 8204, 2, "two-a"), Server(env, 8205, 2, "two-b")
    cookies = {}
    steps = []

    def call(server, method, path, data=None):
        origin = server.url.replace("http://", "https://")
        body = None
        headers = {
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Referer": origin + "/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        }
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(server.url + path, data=body, headers=headers, method=method)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            cookies.update({k: m.value for k, m in jar.items()})
        text = response.read().decode(errors="replace")
        steps.append(f"{method} {server.name}{path} -> {response.status}")
        return response.status, text, response.headers.get("Location", "")

    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    try:
        status, page, _ = call(one, "GET", "/account/sign-in/")
        status, _, location = call(
            one,
            "POST",
            "/account/sign-in/",
            {
                "username": who["email"],
                "password": accounts["password"],
                "csrfmiddlewaretoken": token.search(page).group(1),
            },
        )
        signed_in = status == 302 and "sign-in" not in location
        status, page, _ = call(two, "GET", "/account/profile/")
        read_on_other = status == 200 and who["email"] in page
        status, _, location = call(
            two,
            "POST",
            "/account/profile/",
            {
                "first_name": "Carried",
                "last_name": "Over",
                "job_title": "saved on instance B",
                "notification_preference": "digest",
                "csrfmiddlewaretoken": token.search(page).group(1),
            },
        )
        saved_on_other = status == 302 and location.endswith("/account/profile/")
        status, page, _ = call(one, "GET", "/account/profile/")
        seen_back_on_first = status == 200 and "saved on instance B" in page
    finally:
        one.stop()
        two.stop()
    return {
        "steps": steps,
        "signed_in_on_a": signed_in,
        "read_on_b_with_same_session": read_on_other,
        "saved_on_b": saved_on_other,
        "seen_back_on_a": seen_back_on_first,
        "passed": signed_in and read_on_other and saved_on_other and seen_back_on_first,
    }


def counts(env):
    return json.loads(sh([PY, "-m", "bench.backup", "counts"], env=env).stdout.strip().splitlines()[-1])


def scenario_backup(args):
    source = base_env(DATABASE_URL=f"{PG_URL}/planner_load")
    if sh([PY, "-m", "bench.backup", "counts"], env=source, check=False).returncode != 0:
        source = base_env(DATABASE_URL=pg_fresh_db("planner_load"))
        prepare(source, args.teachers, args.admins, "backup")
    # Something of every kind: the demo data on top of the load data.
    sh([PY, "manage.py", "seed_demo"], env={**source, "DJANGO_ENV": "development"})
    before = counts(source)
    dump = OUT / "planner.dump"
    pg_env = {**os.environ, "PGPASSWORD": "planner"}
    started = time.time()
    sh(
        ["pg_dump", "-Fc", "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "planner", "-f", str(dump), "planner_load"],
        env=pg_env,
    )
    dump_seconds = time.time() - started
    pg_fresh_db("planner_restore")
    started = time.time()
    sh(
        [
            "pg_restore",
            "--no-owner",
            "-h",
            "127.0.0.1",
            "-p",
            str(PG_PORT),
            "-U",
            "planner",
            "-d",
            "planner_restore",
            str(dump),
        ],
        env=pg_env,
    )
    restore_seconds = time.time() - started
    after_pg = counts(base_env(DATABASE_URL=f"{PG_URL}/planner_restore"))
    # Portable: JSON out of PostgreSQL, into a fresh SQLite file.
    json_dump = OUT / "planner.json"
    sh([PY, "-m", "bench.backup", "dump", str(json_dump)], env=source)
    sqlite_path = OUT / "restore.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    target = base_env(SQLITE_PATH=str(sqlite_path))
    sh([PY, "manage.py", "migrate", "--noinput"], env=target)
    sh([PY, "-m", "bench.backup", "load", str(json_dump)], env=target)
    after_json = counts(target)
    return {
        "objects": sum(before.values()),
        "models": len(before),
        "pg_dump_seconds": round(dump_seconds, 2),
        "pg_restore_seconds": round(restore_seconds, 2),
        "pg_dump_bytes": dump.stat().st_size,
        "json_bytes": json_dump.stat().st_size,
        "pg_round_trip_equal": after_pg == before,
        "json_pg_to_sqlite_equal": after_json == before,
        "differences": {
            k: (before.get(k), after_pg.get(k), after_json.get(k))
            for k in before
            if not before.get(k) == after_pg.get(k) == after_json.get(k)
        },
        "passed": after_pg == before and after_json == before,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=30, help="seconds of load per scenario")
    parser.add_argument("--teachers", type=int, default=12)
    parser.add_argument("--admins", type=int, default=6)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL is down in the fault run")
    parser.add_argument("--only", default="pg,sqlite,fault,two,backup")
    args = parser.parse_args()
    scenarios = args.only.split(",")
    OUT.mkdir(parents=True, exist_ok=True)
    results = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "args": vars(args),
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
    }
    sh([PY, "manage.py", "collectstatic", "--noinput"], env=base_env(SQLITE_PATH=str(OUT / "static.sqlite3")))
    uses_pg = any(s in scenarios for s in ("pg", "fault", "two", "backup"))
    try:
        if uses_pg:
            pg_start()
            results["postgresql"] = sh(
                ["su", "postgres", "-c", f"psql -p {PG_PORT} -qtAc 'SHOW server_version'"]
            ).stdout.strip()
        for name in scenarios:
            log(f"scenario {name}")
            started = time.time()
            if name in ("pg", "sqlite"):
                results[name] = scenario_load(args, name)
            elif name == "fault":
                results[name] = scenario_fault(args)
            elif name == "two":
                results[name] = scenario_two(args)
            elif name == "backup":
                results[name] = scenario_backup(args)
            else:
                raise SystemExit(f"unknown scenario {name}")
            results[name]["wall_seconds"] = round(time.time() - started, 1)
            log(f"{name}: {'PASSED' if results[name]['passed'] else 'FAILED'} {json.dumps(results[name])[:600]}")
    finally:
        if uses_pg:
            pg_stop()
        (OUT / "load_faults.json").write_text(json.dumps(results, indent=2))
    failed = [n for n in scenarios if not results.get(n, {}).get("passed")]
    log("all scenarios passed" if not failed else f"FAILED: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
