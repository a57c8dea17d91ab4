"""The load itself: locust users signing in and posting, run in its own process.

    python -m bench.lf_locust HOST ACCOUNTS.json DURATION OUT.json

Teachers autosave and invite; administrators autosave. Every POST carries a unique
value and is recorded with whether it was acknowledged (the expected redirect), so
bench/lf_db.py can check acknowledged writes against the database afterwards.

TARGETS is the table to extend when new POST endpoints land (comments, plan autosave):
one dict per endpoint, with the roles that use it, a weight, the path, the body, and
whether it updates one row per person ("update") or adds rows ("create").
"""

import json
import random
import re
import sys
import time
from http.cookies import SimpleCookie

import gevent
from locust import HttpUser, between, task
from locust.env import Environment

PROFILE_FIELDS = {"first_name": "Load", "school": "Bench School", "district": "Bench District"}

TARGETS = [
    {
        "name": "autosave-profile",
        "roles": ("teacher", "administrator"),
        "weight": 3,
        "path": lambda who: "/account/profile/",
        "value": lambda who, seq: f"autosave {who['id']}-{seq}",
        "body": lambda who, value: {
            **PROFILE_FIELDS,
            "last_name": str(who["id"]),
            "job_title": value,
            "notification_preference": "digest",
        },
        "kind": "update",
    },
    {
        "name": "invite",
        "roles": ("teacher",),
        "weight": 1,
        "path": lambda who: f"/partnerships/{who['partnership']}/invite/",
        "value": lambda who, seq: f"lf-{who['id']}-{seq}@load.bench",
        "body": lambda who, value: {"email": value, "role": "colleague"},
        "kind": "create",
    },
]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FRIENDLY_503 = "back in a moment"

RESULTS = {
    "requests": 0,
    "statuses": {},
    "errors": [],
    "friendly_503": [],
    "writes": [],
    "first_503": None,
    "last_503": None,
    "ok_after_last_503": 0,
    "signed_in": 0,
}
ACCOUNTS = []


def _record_status(status):
    RESULTS["requests"] += 1
    RESULTS["statuses"][str(status)] = RESULTS["statuses"].get(str(status), 0) + 1


class Person(HttpUser):
    abstract = True
    wait_time = between(0.05, 0.3)
    role = None

    def on_start(self):
        self.who = next(a for a in ACCOUNTS if a["role"] == self.role and not a.get("taken"))
        self.who["taken"] = True
        self.seq = 0
        self.cookies = {}
        self.targets = [t for t in TARGETS if self.role in t["roles"]]
        self.weights = [t["weight"] for t in self.targets]
        while not self.sign_in():
            gevent.sleep(0.5)
        RESULTS["signed_in"] += 1

    # Production settings: secure cookies and HTTPS are expected behind a proxy, so the
    # client says it came through one and keeps the secure cookies itself.
    def headers(self):
        origin = self.host.replace("http://", "https://")
        return {
            "X-Forwarded-Proto": "https",
            "Origin": origin,
            "Referer": origin + "/",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
        }

    def keep_cookies(self, response):
        for header in response.raw.headers.getlist("Set-Cookie"):
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                self.cookies[name] = morsel.value

    def request(self, method, path, name, **kwargs):
        self.client.cookies.clear()
        with self.client.request(
            method, path, name=name, headers=self.headers(), allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            self.keep_cookies(response)
            _record_status(response.status_code)
            if response.status_code == 503 and FRIENDLY_503 in response.text:
                now = time.time()
                RESULTS["friendly_503"].append(now)
                RESULTS["first_503"] = RESULTS["first_503"] or now
                RESULTS["last_503"] = now
                RESULTS["ok_after_last_503"] = 0
                response.success()  # counted on its own, not as an error
            elif response.status_code in (200, 302):
                RESULTS["ok_after_last_503"] += 1
                response.success()
            else:
                RESULTS["errors"].append(f"{method} {name}: {response.status_code} {response.text[:120]!r}")
                response.failure(str(response.status_code))
            return response

    def sign_in(self):
        page = self.request("GET", "/account/sign-in/", "sign-in page")
        match = TOKEN.search(page.text or "")
        if page.status_code != 200 or not match:
            return False
        response = self.request(
            "POST",
            "/account/sign-in/",
            "sign-in",
            data={"username": self.who["email"], "password": PASSWORD, "csrfmiddlewaretoken": match.group(1)},
        )
        return response.status_code == 302 and "sessionid" in self.cookies

    @task
    def post_one(self):
        target = random.choices(self.targets, weights=self.weights)[0]
        self.seq += 1
        value = target["value"](self.who, self.seq)
        write = {
            "target": target["name"],
            "kind": target["kind"],
            "user": self.who["id"],
            "seq": self.seq,
            "value": value,
            "acked": False,
        }
        RESULTS["writes"].append(write)
        try:
            response = self.request(
                "POST", target["path"](self.who), target["name"], data=target["body"](self.who, value)
            )
        except Exception as error:  # noqa: BLE001 - a connection error is an error, counted
            RESULTS["errors"].append(f"POST {target['name']}: {error}")
            return
        write["acked"] = response.status_code == 302 and "sign-in" not in response.headers.get("Location", "")
        if response.status_code == 302 and not write["acked"]:
            RESULTS["errors"].append(f"POST {target['name']}: redirected to sign-in")


class Teacher(Person):
    role = "teacher"
    fixed_count = 0


class Administrator(Person):
    role = "administrator"
    fixed_count = 0


PASSWORD = ""


def main(host, accounts_path, duration, out):
    global PASSWORD
    with open(accounts_path) as handle:
        data = json.load(handle)
    PASSWORD = data["password"]
    ACCOUNTS.extend(data["accounts"])
    Teacher.fixed_count = sum(a["role"] == "teacher" for a in ACCOUNTS)
    Administrator.fixed_count = sum(a["role"] == "administrator" for a in ACCOUNTS)
    # stop_timeout: at the end of the window, requests in flight finish and are counted.
    env = Environment(user_classes=[Teacher, Administrator], host=host, stop_timeout=15)
    runner = env.create_local_runner()
    total = Teacher.fixed_count + Administrator.fixed_count
    runner.start(total, spawn_rate=total)
    # Signing in hashes a password (slow on purpose); the timed window starts once every
    # person is signed in, so the figures are about autosaving, not sign-in.
    deadline = time.time() + 180
    while RESULTS["signed_in"] < total and time.time() < deadline:
        gevent.sleep(0.2)
    RESULTS["sign_in_seconds"] = round(time.time() - (deadline - 180), 1)
    env.stats.reset_all()
    counted_before = RESULTS["requests"]
    started = time.time()
    with open(out + ".window", "w") as handle:  # tells bench/load_faults.py the window began
        handle.write(str(started))
    gevent.spawn_later(duration, runner.quit)
    runner.greenlet.join()
    RESULTS["seconds"] = round(time.time() - started, 1)
    RESULTS["requests_in_window"] = RESULTS["requests"] - counted_before
    RESULTS["locust"] = {
        "requests": env.stats.total.num_requests,
        "failures": env.stats.total.num_failures,
        "p50_ms": env.stats.total.get_response_time_percentile(0.5),
        "p95_ms": env.stats.total.get_response_time_percentile(0.95),
        "rps": round(RESULTS["requests_in_window"] / max(RESULTS["seconds"], 1), 1),
    }
    with open(out, "w") as handle:
        json.dump(RESULTS, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4])
