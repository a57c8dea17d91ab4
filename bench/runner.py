"""bench/run: throughput and latency of each page as a ratio of a bare-Django floor.

Starts the production server (gunicorn, DJANGO_ENV=production) on loopback against a
freshly generated database (PostgreSQL by default, --sqlite for SQLite), signs in the
people the pages need by creating real sessions, and drives each page with wrk using the
session cookie. The floor is /account/ping/: a login-required view that returns "ok"
through the same middleware stack with the same authenticated session.

    bench/run                       # PostgreSQL, 4,000 teachers (one cohort of 2,000)
    bench/run --sqlite
    bench/run --scale               # 200 vs 20,000 teachers, time growth per page
    bench/run --weight              # page weight in Chromium (HTML+CSS+JS, compressed)
    bench/run --lighthouse          # Lighthouse scores (needs npm; installs into bench/.lighthouse)
    bench/run --write               # also rewrite the figures in bench/RESULTS.md
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PG_URL = "postgres://planner:planner@127.0.0.1:5432/planner_bench"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def log(message):
    print(message, flush=True)


# --- database --------------------------------------------------------------------------


def postgres_ready():
    subprocess.run(["pg_ctlcluster", "15", "main", "start"], capture_output=True)
    for _ in range(30):
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0:
            break
        time.sleep(1)
    sql = (
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='planner') THEN "
        "CREATE ROLE planner LOGIN PASSWORD 'planner' CREATEDB; END IF; END $$;"
    )
    # On stdin: inside `su -c "…"` the shell would expand the $$ of the DO block.
    subprocess.run(
        ["su", "postgres", "-c", "psql -q -v ON_ERROR_STOP=1"], input=sql, text=True, check=True, capture_output=True
    )
    subprocess.run(["su", "postgres", "-c", "dropdb --if-exists planner_bench"], check=True, capture_output=True)
    subprocess.run(["su", "postgres", "-c", "createdb -O planner planner_bench"], check=True, capture_output=True)


def bench_env(args, sqlite_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "partnerships.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "AXES_ENABLED": "1",
        "LOG_LEVEL": "ERROR",
    }
    if args.sqlite:
        env["SQLITE_PATH"] = str(sqlite_path)
    else:
        env["DATABASE_URL"] = PG_URL
    return env


def prepare(args, teachers, big_cohort):
    """Fresh database with generated data; returns the environment for the server."""
    OUT.mkdir(parents=True, exist_ok=True)
    sqlite_path = OUT / f"bench-{teachers}.sqlite3"
    if args.sqlite:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    else:
        postgres_ready()
    env = bench_env(args, sqlite_path)
    full_env = {**os.environ, **env}
    py = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([py, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=full_env, check=True)
    subprocess.run(
        [py, "-m", "bench.generate", "--teachers", str(teachers), "--big-cohort", str(big_cohort)],
        cwd=ROOT,
        env=full_env,
        check=True,
    )
    subprocess.run([py, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=full_env, check=True)
    return full_env


# --- subjects and sessions ----------------------------------------------------------------


def subjects_and_sessions(env):
    """Ask a Django process for the people and ids the pages need, with session cookies."""
    py = str(ROOT / ".venv" / "bin" / "python")
    out = subprocess.run(
        [py, "-m", "bench.subjects"], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- server ----------------------------------------------------------------------------------


def start_server(env, port, workers):
    gunicorn = str(ROOT / ".venv" / "bin" / "gunicorn")
    process = subprocess.Popen(
        [
            gunicorn,
            "partnerships.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/account/sign-in/", timeout=2)
            return process
        except Exception:
            time.sleep(0.5)
    stop_server(process)
    raise SystemExit("gunicorn did not start")


def stop_server(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except Exception:
        os.killpg(process.pid, signal.SIGKILL)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (e.g. to the sign-in page) must show as such, not as its target's 200


def fetch(url, cookie):
    """Status and body of one request, redirects not followed."""
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}", "Accept-Encoding": "gzip"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:  # noqa: S310 - loopback only
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# --- measuring -------------------------------------------------------------------------------


def wrk(url, cookie, *, seconds, connections, threads=2):
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-H",
        f"Cookie: sessionid={cookie}",
        "-H",
        "Accept-Encoding: gzip",  # as browsers do, so the cost of compressing pages is measured
        "-s",
        str(ROOT / "bench" / "report.lua"),
        url,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("WRKJSON "))
    data = json.loads(line[len("WRKJSON ") :])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def measure_pages(base, pages, *, seconds, connections):
    results = []
    for page in pages:
        url = base + page["path"]
        status, body = fetch(url, page["cookie"])
        if status != 200:
            raise SystemExit(f"{page['name']}: {url} answered {status}")
        wrk(url, page["cookie"], seconds=1, connections=connections)  # warm-up
        data = wrk(url, page["cookie"], seconds=seconds, connections=connections)
        data.update(name=page["name"], path=page["path"], kind=page["kind"], html_bytes=len(body))
        results.append(data)
        log(
            f"  {page['name']:<34} {data['rps']:8.1f} req/s  p50 {data['p50'] / 1000:7.1f} ms  "
            f"p95 {data['p95'] / 1000:7.1f} ms  errors {data['errors']}"
        )
    return results


def ratios(results):
    floor = next(r for r in results if r["kind"] == "floor")
    for r in results:
        r["throughput_ratio"] = r["rps"] / floor["rps"]
        r["p95_ratio"] = r["p95"] / floor["p95"] if floor["p95"] else float("nan")
    return results


TARGETS = {"teacher": (0.40, 3.0), "administrator": (0.40, 3.0), "instructor": (0.20, None)}


def verdicts(results):
    lines = []
    by_name = {r["name"]: r for r in results}
    for r in results:
        target = TARGETS.get(r["kind"])
        if not target:
            continue
        min_ratio, max_p95 = target
        ok = r["throughput_ratio"] >= min_ratio and (max_p95 is None or r["p95_ratio"] <= max_p95)
        lines.append((r["name"], ok))
    dash = by_name.get("instructor dashboard (2,000)")
    peer = by_name.get("admin changelist (2,000) [peer]")
    if dash and peer:
        lines.append(("dashboard faster than admin changelist", dash["rps"] > peer["rps"]))
    return lines


def table(results):
    rows = [
        "| page | req/s | × floor throughput | p50 ms | p95 ms | × floor p95 | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        rows.append(
            f"| {r['name']} | {r['rps']:.1f} | {r['throughput_ratio']:.2f} | {r['p50'] / 1000:.1f} | "
            f"{r['p95'] / 1000:.1f} | {r['p95_ratio']:.2f} | {r['errors']} |"
        )
    return "\n".join(rows)


def machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def run_speed(args):
    log(f"Preparing {'SQLite' if args.sqlite else 'PostgreSQL'} with {args.teachers} teachers…")
    env = prepare(args, args.teachers, args.big_cohort)
    info = subjects_and_sessions(env)
    server = start_server(env, args.port, args.workers)
    try:
        base = f"http://127.0.0.1:{args.port}"
        log(f"Measuring {len(info['pages'])} pages, {args.seconds}s each, {args.connections} connections:")
        results = ratios(measure_pages(base, info["pages"], seconds=args.seconds, connections=args.connections))
    finally:
        stop_server(server)
    return results


def run_scale(args):
    """Same pages at 200 and 20,000 teachers; time growth = p50 at large / p50 at small."""
    figures = {}
    for teachers, big in ((200, 40), (20000, 2000)):
        log(f"Scale run: {teachers} teachers…")
        env = prepare(args, teachers, big)
        info = subjects_and_sessions(env)
        server = start_server(env, args.port, args.workers)
        try:
            pages = [p for p in info["pages"] if p.get("scale", True)]
            figures[teachers] = measure_pages(
                f"http://127.0.0.1:{args.port}", pages, seconds=args.seconds, connections=args.connections
            )
        finally:
            stop_server(server)
    small = {r["name"]: r for r in figures[200]}
    rows = ["| page | mean ms at 200 | mean ms at 20,000 | growth |", "|---|---:|---:|---:|"]
    growth = []
    for r in figures[20000]:
        s = small.get(r["name"])
        if not s:
            continue
        g = r["mean"] / s["mean"]
        growth.append((r["name"], g))
        rows.append(f"| {r['name']} | {s['mean'] / 1000:.1f} | {r['mean'] / 1000:.1f} | {g:.2f}× |")
    return "\n".join(rows), growth


def run_weight(args):
    """First-load bytes per page in Chromium: compressed transfer of HTML, CSS, JS, fonts."""
    from playwright.sync_api import sync_playwright

    env = prepare(args, 200, 40)
    info = subjects_and_sessions(env)
    server = start_server(env, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    rows = ["| page | total KB | HTML KB | CSS KB | JS KB | requests |", "|---|---:|---:|---:|---:|---:|"]
    figures = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for page_info in info["pages"]:
                if page_info["kind"] in ("floor", "peer"):
                    continue
                context = browser.new_context()
                context.add_cookies([{"name": "sessionid", "value": page_info["cookie"], "url": base}])
                page = context.new_page()
                sizes = {"document": 0, "stylesheet": 0, "script": 0, "font": 0, "other": 0}
                count = 0
                responses = []
                page.on("requestfinished", lambda request, responses=responses: responses.append(request))
                page.goto(base + page_info["path"], wait_until="networkidle")
                if page.url != base + page_info["path"]:
                    raise SystemExit(f"{page_info['name']}: landed on {page.url}, not the page (session refused?)")
                for request in responses:
                    kind = request.resource_type if request.resource_type in sizes else "other"
                    body = request.sizes()["responseBodySize"]
                    headers = request.sizes()["responseHeadersSize"]
                    sizes[kind] += body + headers
                    count += 1
                total = sum(sizes.values())
                figures.append((page_info["name"], total, sizes["script"]))
                rows.append(
                    f"| {page_info['name']} | {total / 1024:.1f} | {sizes['document'] / 1024:.1f} | "
                    f"{sizes['stylesheet'] / 1024:.1f} | {sizes['script'] / 1024:.1f} | {count} |"
                )
                context.close()
            browser.close()
    finally:
        stop_server(server)
    return "\n".join(rows), figures


def run_lighthouse(args):
    prefix = ROOT / "bench" / ".lighthouse"
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(prefix), "lighthouse@12"], check=True)
    env = prepare(args, 200, 40)
    info = subjects_and_sessions(env)
    server = start_server(env, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    rows = ["| page | performance | accessibility | best practices |", "|---|---:|---:|---:|"]
    scores = []
    try:
        for page_info in info["pages"]:
            if not page_info.get("lighthouse"):
                continue
            report = OUT / f"lighthouse-{re.sub(r'[^a-z0-9]+', '-', page_info['name'].lower())}.json"
            # Lighthouse sometimes fails to record a trace (NO_NAVSTART) and asks to be
            # run again; three tries before the run is called failed.
            for attempt in range(3):
                finished = subprocess.run(
                    [
                        "node",
                        str(cli),
                        base + page_info["path"],
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        "--only-categories=performance,accessibility,best-practices",
                        "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
                        "--extra-headers=" + json.dumps({"Cookie": f"sessionid={page_info['cookie']}"}),
                    ],
                    env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
                )
                if finished.returncode == 0:
                    break
                log(f"  Lighthouse failed on {page_info['name']} (try {attempt + 1} of 3)")
            else:
                raise SystemExit(f"{page_info['name']}: Lighthouse failed three times")
            data = json.loads(report.read_text())
            if data.get("finalDisplayedUrl") != base + page_info["path"]:
                raise SystemExit(f"{page_info['name']}: Lighthouse ended on {data.get('finalDisplayedUrl')}")
            cats = data["categories"]
            s = [round(cats[c]["score"] * 100) for c in ("performance", "accessibility", "best-practices")]
            scores.append((page_info["name"], *s))
            rows.append(f"| {page_info['name']} | {s[0]} | {s[1]} | {s[2]} |")
    finally:
        stop_server(server)
    return "\n".join(rows), scores


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--teachers", type=int, default=4000)
    parser.add_argument("--big-cohort", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=8, help="measuring time per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8877)
    parser.add_argument("--scale", action="store_true", help="also compare 200 with 20,000 teachers")
    parser.add_argument("--weight", action="store_true", help="also measure page weight in Chromium")
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse")
    parser.add_argument("--only", choices=["speed", "scale", "weight", "lighthouse"], help="run one part")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install -y wrk")

    parts = {"speed"} | {p for p in ("scale", "weight", "lighthouse") if getattr(args, p)}
    if args.only:
        parts = {args.only}
    command = "bench/run " + " ".join(argv if argv is not None else sys.argv[1:])
    report = [
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}; "
        f"database {'SQLite' if args.sqlite else 'PostgreSQL 15'}; command `{command.strip()}`.",
    ]
    summary = {}
    if "speed" in parts:
        results = run_speed(args)
        report += ["", f"### Speed ({args.teachers} teachers, gunicorn ×{args.workers}, wrk -c{args.connections})"]
        report += ["", table(results), ""]
        for name, ok in verdicts(results):
            report.append(f"- {'PASS' if ok else 'FAIL'}: {name}")
        summary["speed"] = results
    if "scale" in parts:
        text, growth = run_scale(args)
        report += ["", "### Growth from 200 to 20,000 teachers", "", text, ""]
        report += [f"- {'PASS' if g <= 1.5 else 'FAIL'}: {n} grows {g:.2f}× (target ≤ 1.5×)" for n, g in growth]
        summary["scale"] = growth
    if "weight" in parts:
        text, figures = run_weight(args)
        report += ["", "### Page weight (first load, compressed transfer)", "", text, ""]
        report += [
            f"- {'PASS' if total <= 100 * 1024 and js <= 30 * 1024 else 'FAIL'}: {n} "
            f"{total / 1024:.1f} KB total, {js / 1024:.1f} KB JS"
            for n, total, js in figures
        ]
        summary["weight"] = figures
    if "lighthouse" in parts:
        text, scores = run_lighthouse(args)
        report += ["", "### Lighthouse", "", text, ""]
        report += [
            f"- {'PASS' if p >= 95 and a == 100 and b >= 95 else 'FAIL'}: {n} ({p}/{a}/{b})" for n, p, a, b in scores
        ]
    text = "\n".join(report)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "latest.md").write_text(text + "\n")
    (OUT / "latest.json").write_text(json.dumps(summary, indent=2, default=str))
    log("\n" + text)
    log(f"\nWritten to {OUT / 'latest.md'}")


if __name__ == "__main__":
    main()
