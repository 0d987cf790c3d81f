"""`make faults`: three faults under load, each followed by the checks that nothing was lost.

A PostgreSQL cluster of its own on 127.0.0.1:55432, gunicorn on 127.0.0.1:8600, one notification
worker, a stand-in WhatsApp Cloud API on 127.0.0.1:8601 (posting signed status webhooks back to
the portal, as Meta does) and a load process filing and verifying requests through the API. The
faults, one after the other: PostgreSQL restarted; the worker killed with SIGKILL (and started
again), several times; the stand-in Cloud API down for --outage seconds. Writes
var/faults/latest.json and prints a table; exits 1 when a check failed.

    python -m loket.faults.run [--outage 90] [--rate 3] [--kills 3]
"""

import argparse
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

from .cluster import Cluster

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "faults"
PG_PORT, WEB_PORT, PROVIDER_PORT = 55432, 8600, 8601
APP_SECRET = secrets.token_hex(16)
CHECKLIST = {
    "signed": True,
    "stamped": True,
    "whatsapp_stated": True,
    "in_house_application": True,
    "academic_audience": True,
}
BEGAN = time.monotonic()


def say(text: str) -> None:
    print(f"[{time.monotonic() - BEGAN:6.1f} s] {text}", flush=True)


def arguments(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outage", type=float, default=90, help="seconds the provider is down")
    parser.add_argument("--rate", type=float, default=3, help="API calls per second of load")
    parser.add_argument("--kills", type=int, default=3, help="SIGKILLs of the worker")
    parser.add_argument("--warmup", type=float, default=8, help="load before each fault")
    parser.add_argument("--after", type=float, default=15, help="load after each fault")
    parser.add_argument("--within", type=float, default=30, help="the portal must be back by")
    parser.add_argument("--drain", type=float, default=240, help="at most this long per drain")
    args = parser.parse_args(argv)
    if not (0 < args.rate <= 20 and 0 <= args.outage <= 600 and 0 < args.kills <= 10):
        parser.error("keep the run bounded: --rate 0-20, --outage 0-600, --kills 1-10")
    return args


def environment(cluster: Cluster) -> None:
    """Production settings (DEBUG off), every address on 127.0.0.1; children inherit them."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE="loket.settings",
        DATABASE_URL=cluster.url,
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SITE_URL=f"http://127.0.0.1:{WEB_PORT}",
        MEDIA_ROOT=str(cluster.root / "media"),
        WHATSAPP_BACKEND="cloud",
        WHATSAPP_CLOUD_API_URL=f"http://127.0.0.1:{PROVIDER_PORT}/v23.0",
        WHATSAPP_PHONE_NUMBER_ID="106540352242922",
        WHATSAPP_ACCESS_TOKEN="fault-run-token",
        WHATSAPP_APP_SECRET=APP_SECRET,
        WHATSAPP_TIMEOUT="5",
        # Short pauses, so that the run ends within minutes and nothing fails for good.
        NOTIFY_RETRY_SECONDS="2",
        NOTIFY_RETRY_MAX_SECONDS="15",
        NOTIFY_MAX_ATTEMPTS="60",
        NOTIFY_LEASE_SECONDS="5",
        NOTIFY_UNCERTAIN_GRACE_SECONDS="20",
        LOG_LEVEL="WARNING",
        # One load account files hundreds of requests in minutes: the run measures faults, not
        # the rate limits (README, "Security"), so they are lifted for its own server.
        LOKET_RATE_REQUEST_CREATE="100000/h/user,100000/h/ip",
    )


def prepare() -> dict:
    """Migrate, load the demo catalog, and make a requester and an Admin Unit with tokens."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from loket.accounts.models import Role, UnitRole, User
    from loket.api import tokens
    from loket.catalog import demo
    from loket.catalog.models import Application, Service

    say("migrating the new database and collecting static files (DEBUG is off)")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    demo.load()
    service = Service.objects.get(code="SOP#24")
    application = Application.objects.filter(owner_unit=service.unit).order_by("pk").first()
    with transaction.atomic():
        people = {}
        for name, number in (
            ("beban-pemohon", "+6281299900001"),
            ("beban-admin", "+6281299900002"),
        ):
            # No e-mail address: WhatsApp and the inbox only, so that each message has one id
            person = User.objects.create_user(name, email="", whatsapp=number, language="id")
            person.set_whatsapp_consent(True)
            person.save()
            people[name] = tokens.issue(person, name="faults")[1]
        admin = User.objects.get(username="beban-admin")
        UnitRole.objects.create(user=admin, unit=service.unit, role=Role.UNIT_ADMIN)
    connection.close()  # none of ours may outlive the restart
    return {
        "host": "127.0.0.1",
        "port": WEB_PORT,
        "requester_token": people["beban-pemohon"],
        "admin_token": people["beban-admin"],
        "checklist": CHECKLIST,
        "form": {
            "service": service.slug,
            "application": application.pk,
            "subject": "Uji ketahanan portal",
            "description": "Permintaan uji dari beban uji gangguan.",
            "desired_features": "Tidak ada",
            "letter_number": "001/UJI/2026",
            "letter_date": "2026-01-05",
            "signatory_name": "Penguji Beban",
            "signatory_position": "Kepala Unit Uji",
            "requesting_unit": "Unit Uji",
            "whatsapp": "0812-9990-0001",
        },
    }


class Provider:
    """The stand-in Cloud API, which can be taken down and brought back on the same port."""

    def __init__(self) -> None:
        self.server, self.past, self.lives = None, [], 0

    def up(self) -> None:
        from loket.notifications.stand_in import StandIn, cloud_reply

        self.lives += 1
        life = self.lives

        def reply(seen, number):
            answer = cloud_reply(seen, number)
            answer["messages"][0]["id"] = f"wamid.RUN{life}.{number:06d}"
            return answer

        webhook = (f"http://127.0.0.1:{WEB_PORT}/webhooks/whatsapp/", APP_SECRET)
        self.server = StandIn(reply, webhook=webhook, port=PROVIDER_PORT).start()
        self.server.webhook_delay = 1.0

    def down(self) -> None:
        self.past += self.server.seen
        self.server.stop()
        self.server = None

    def refs(self) -> Counter:
        seen = self.past + (self.server.seen if self.server else [])
        return Counter(s.json.get("biz_opaque_callback_data") for s in seen)


class Processes:
    """gunicorn and the worker, with their output in var/faults/logs/."""

    def __init__(self) -> None:
        (OUT / "logs").mkdir(parents=True, exist_ok=True)
        self.web = self.worker = None
        self.workers_started = 0

    def _start(self, name: str, command: list[str]) -> subprocess.Popen:
        log = open(OUT / "logs" / f"{name}.log", "a")  # noqa: SIM115 (the child keeps it)
        return subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)

    def start_web(self) -> None:
        bind = f"127.0.0.1:{WEB_PORT}"
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        command = [gunicorn, "loket.wsgi:application", "-b", bind, "-w", "2", "--timeout", "30"]
        self.web = self._start("gunicorn", command)

    def start_worker(self) -> None:
        self.workers_started += 1
        command = [sys.executable, "manage.py", "send_notifications", "--batch", "20"]
        self.worker = self._start("worker", command)

    def kill_worker(self) -> None:
        self.worker.send_signal(signal.SIGKILL)
        self.worker.wait(timeout=10)

    def stop(self) -> None:
        for process in (self.worker, self.web):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()


def probe() -> int:
    url = f"http://127.0.0.1:{WEB_PORT}/api/v1/catalog/units"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


class Prober(threading.Thread):
    """Asks the portal five times a second through a whole phase; when was it back?"""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.answers, self.stopping = [], threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            self.answers.append((time.time(), probe()))
            self.stopping.wait(0.2)

    def back_after(self, began: float) -> float | None:
        """Seconds from `began` to the first good answer after the last bad one (0: none bad)."""
        bad = [at for at, status in self.answers if at >= began and status != 200]
        if not bad:
            return 0.0
        good = [at for at, status in self.answers if at > max(bad) and status == 200]
        return round(good[0] - began, 2) if good else None


def wait_until_answering(timeout: float) -> float | None:
    """Seconds until the portal answers 200 again; None when it did not within `timeout`."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if probe() == 200:
            return time.monotonic() - began
        time.sleep(0.1)
    return None


def pending() -> int:
    from django.db import connection

    from loket.notifications.models import Message, State

    try:
        waiting = Message.objects.filter(state__in=[State.QUEUED, State.SENDING])
        return waiting.exclude(channel="inbox").count()
    finally:
        connection.close()  # no connection of ours should outlive a fault


def drain(timeout: float) -> float | None:
    """Wait until no message waits to be sent; the seconds it took, None when not in time."""
    began = time.monotonic()
    last = 0.0
    while (left := pending()) and time.monotonic() - began < timeout:
        if time.monotonic() - last > 10:
            say(f"  waiting for the outbox to drain: {left} message(s) to go")
            last = time.monotonic()
        time.sleep(1)
    return None if pending() else round(time.monotonic() - began, 1)


class Run:
    """One fault run: the parts, and a phase per fault."""

    def __init__(self, args: argparse.Namespace, cluster: Cluster, config: dict) -> None:
        self.args, self.cluster, self.config = args, cluster, config
        self.processes, self.provider = Processes(), Provider()

    def phase(self, name: str, inject, *, outage_allowed: bool) -> dict:
        from . import checks

        slug = name.split()[0].lower()
        log, stop = OUT / "logs" / f"load-{slug}.jsonl", self.cluster.root / f"stop-{slug}"
        log.unlink(missing_ok=True)
        config = self.cluster.root / f"load-{slug}.json"
        bound = self.args.warmup + self.args.outage + self.args.after + 120
        config.write_text(
            json.dumps(
                {
                    **self.config,
                    "stop_file": str(stop),
                    "rate": self.args.rate,
                    "max_seconds": bound,
                    "max_calls": int(bound * self.args.rate),
                }
            )
        )
        say(f"{name}: load starts ({self.args.rate:g} calls/s through the API)")
        load = subprocess.Popen([sys.executable, "-m", "loket.faults.load", config, log], cwd=ROOT)
        prober = Prober()
        prober.start()
        time.sleep(self.args.warmup)
        began = time.time()
        say(f"{name}: the fault begins")
        inject()
        lifted = time.time()
        if wait_until_answering(120) is None:
            say(f"{name}: the portal did not answer within 120 s")
        time.sleep(self.args.after)
        stop.touch()
        load.wait(timeout=60)
        prober.stopping.set()
        prober.join()
        back = prober.back_after(began)
        say(f"{name}: fault over after {lifted - began:.1f} s; portal back after {back} s")
        say(f"{name}: load stopped; waiting for every notification to go out")
        drained = drain(self.args.drain)
        lines = checks.calls(log)
        window = (began, began + back) if outage_allowed and back is not None else None
        result = {
            "fault": name,
            "fault_seconds": round(lifted - began, 2),
            "portal_back_after_seconds": back,
            "drained_in_seconds": drained,
            "requests": checks.requests(lines, window),
            "notifications": checks.notifications(self.provider.refs()),
        }
        result["passed"] = checks.passed(result, within=self.args.within)
        say(f"{name}: {'passed' if result['passed'] else 'FAILED'}")
        return result

    def restart_database(self) -> None:
        self.cluster.restart()

    def kill_worker(self) -> None:
        for number in range(1, self.args.kills + 1):
            time.sleep(random.uniform(1, 4))
            say(f"  SIGKILL to the worker ({number} of {self.args.kills}); starting another")
            self.processes.kill_worker()
            time.sleep(1)
            self.processes.start_worker()

    def provider_down(self) -> None:
        self.provider.down()
        until = time.monotonic() + self.args.outage
        while (left := until - time.monotonic()) > 0:
            say(f"  the stand-in Cloud API is down; {left:.0f} s to go")
            time.sleep(min(15, left))
        self.provider.up()

    def faults(self) -> list[dict]:
        return [
            self.phase("PostgreSQL restarted", self.restart_database, outage_allowed=True),
            self.phase("Worker killed with SIGKILL", self.kill_worker, outage_allowed=False),
            self.phase(
                f"WhatsApp down for {self.args.outage:g} s",
                self.provider_down,
                outage_allowed=False,
            ),
        ]


def table(results: list[dict]) -> str:
    head = (
        "| Fault | Fault lasted | Portal back after | Requests accepted / filed | Lost"
        " | Stored twice | 5xx or no answer (outside the outage) | WhatsApp messages | Not sent"
        " | Twice at provider | Outbox drained in | Result |"
    )
    rows = [head, "|" + "---|" * 12]
    for r in results:
        q, n = r["requests"], r["notifications"]
        errors = sum(q["errors"].values())
        rows.append(
            f"| {r['fault']} | {r['fault_seconds']:.1f} s | {r['portal_back_after_seconds']} s"
            f" | {q['accepted']} / {q['filed']} | {q['lost']} | {q['stored_twice']}"
            f" | {errors} ({q['errors_outside_outage']}) | {n['messages']} | {n['not_sent']}"
            f" | {n['twice_at_provider']} | {r['drained_in_seconds']} s"
            f" | {'passed' if r['passed'] else 'FAILED'} |"
        )
    return "\n".join(rows)


def main(argv=None) -> int:
    args = arguments(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    say(f"a PostgreSQL cluster of our own on 127.0.0.1:{PG_PORT} (the machine's is not touched)")
    cluster = Cluster(port=PG_PORT)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped by SIGTERM"))  # clean up below
    run = None
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    try:
        cluster.start()
        environment(cluster)
        run = Run(args, cluster, prepare())
        from loket.requests.tests.factories import pdf_bytes

        letter = cluster.root / "surat.pdf"
        letter.write_bytes(pdf_bytes())
        run.config["letter"] = str(letter)
        run.provider.up()
        run.processes.start_web()
        if wait_until_answering(60) is None:
            raise SystemExit("gunicorn did not answer; see var/faults/logs/gunicorn.log")
        run.processes.start_worker()
        say(f"gunicorn on 127.0.0.1:{WEB_PORT}, a worker, the stand-in on :{PROVIDER_PORT}")
        results = run.faults()
    finally:
        if run is not None:
            run.processes.stop()
            if run.provider.server:
                run.provider.down()
        cluster.stop()
    report = {
        "started": started,
        "seconds": round(time.monotonic() - BEGAN, 1),
        "settings": vars(args),
        "faults": results,
        "passed": all(r["passed"] for r in results),
    }
    (OUT / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    print(table(results))
    say(f"{'all passed' if report['passed'] else 'FAILED'}; figures in var/faults/latest.json")
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
