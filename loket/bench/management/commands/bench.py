"""A benchmark, not a test: seed a university, serve it as in production, load it with wrk."""

import json
import os
import platform
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from loket.bench import load, report, scenarios, server, university
from loket.bench.load import Scenario
from loket.portal import kept_pages

MAX_REQUESTS = 5_000_000


class Command(BaseCommand):
    help = (
        "Seed a university's data set (resumable), serve the portal with gunicorn as in "
        "production, drive each scenario with wrk and report it against the ceiling."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=1_000_000)
        parser.add_argument("--seconds", type=int, default=15, help="per scenario")
        parser.add_argument("--warmup", type=int, default=3, help="seconds, not counted")
        parser.add_argument(
            "--ceiling-seconds", type=int, default=5, help="the ceiling, before each scenario"
        )
        parser.add_argument("--connections", type=int, default=scenarios.CONNECTIONS)
        parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
        parser.add_argument("--port", type=int, default=8300)
        parser.add_argument("--only", default="", help="comma-separated scenario names")
        parser.add_argument("--seed-only", action="store_true")
        parser.add_argument("--output", default="", help="JSON file (var/bench/<size>.json)")

    def handle(self, *args, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL.")
        count = options["requests"]
        if not 1_000 <= count <= MAX_REQUESTS:
            raise CommandError(f"--requests: 1,000 to {MAX_REQUESTS:,}.")
        size = university.Size.of(count)
        self.stdout.write(f"Seeding the bench university for {count:,} requests:")
        started = time.perf_counter()
        with kept_pages.triggers_off():  # bulk COPY; every kept page is asked for again after
            university.seed_university(
                size, write=None if self.stdout.isatty() else self.stdout.write
            )
        self.stdout.write(f"Data ready in {time.perf_counter() - started:,.0f} s.")
        if options["seed_only"]:
            return
        output = Path(options["output"] or settings.BASE_DIR / "var" / "bench" / f"{count}.json")
        self.measure(size, options, output)

    def measure(self, size: university.Size, options: dict, output: Path) -> None:
        run_id = uuid.uuid4().hex[:8]
        secret_key = server.new_secret_key()
        env = server.production_env(
            database_url=database_url(),
            secret_key=secret_key,
            media_root=settings.BASE_DIR / "var" / "bench" / "media",
        )
        started_machine = machine()
        cast = scenarios.Cast(secret_key)
        built = scenarios.build(cast, run_id)
        only = {name for name in options["only"].split(",") if name}
        built = [s for s in built if not only or s.name in only]
        server.collect_static(env)
        gunicorn = server.Gunicorn(env=env, port=options["port"], workers=options["workers"])
        try:
            rows, checks, ceilings = self.drive(gunicorn, built, options, run_id)
        finally:
            gunicorn.stop()
        self.stdout.write("\n" + report.table(rows))
        self.stdout.write(json.dumps(checks, indent=2))
        meta = {
            "requests": size.requests,
            "size": size.__dict__,
            "machine": started_machine,
            "connections": options["connections"],
            "seconds": options["seconds"],
            "gunicorn_workers": options["workers"],
            "ceilings": ceilings,
            "load_average_end": os.getloadavg(),
            "run": run_id,
            "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        }
        report.write_json(output, meta=meta, rows=rows, checks=checks)
        self.stdout.write(f"Written to {output}")

    def drive(self, gunicorn, built: list[Scenario], options: dict, run_id: str):
        """Each scenario right after its own ceiling run: on a machine shared with other work,
        the load changes within minutes, and the ratio should compare like with like."""
        ceiling_scenario = Scenario("ceiling", [(None, "/bench/ceiling/")])
        short = {**options, "seconds": options["ceiling_seconds"]}
        first = self.run_one(gunicorn, ceiling_scenario, options)
        rows = [report.row("ceiling", scenarios.LABELS["ceiling"], first, first.rate)]
        results, checks, ceilings = {}, {}, [round(first.rate, 1)]
        for scenario in built:
            label = scenarios.LABELS[scenario.name]
            probe = scenario.items[0]
            if scenario.method == "GET" and gunicorn.get(probe[1], probe[0]) == 404:
                rows.append(report.unavailable(scenario.name, label, "404 in this build"))
                self.stdout.write(f"  {scenario.name}: {probe[1]} is 404 here, not available")
                continue
            ceiling = self.run_one(gunicorn, ceiling_scenario, short, warm=False).rate
            ceilings.append(round(ceiling, 1))
            results[scenario.name] = measured = self.run_one(gunicorn, scenario, options)
            rows.append(report.row(scenario.name, label, measured, ceiling))
        if results.get("create"):
            m = results["create"]
            answered = m.statuses.get("302", 0)
            checks["create"] = scenarios.check_created(run_id, answered, m.sent)
        if results.get("action"):
            answered = results["action"].statuses.get("302", 0)
            checks["action"] = scenarios.check_notes(run_id, answered)
        return rows, checks, ceilings

    def run_one(
        self, gunicorn, scenario: Scenario, options: dict, *, warm: bool = True
    ) -> load.Measured:
        common = {"base_url": gunicorn.url, "connections": options["connections"]}
        # Each POST is counted afterwards in the database, so it is not warmed up (the server is
        # warm from the scenarios before it).
        if warm and options["warmup"] and scenario.method == "GET":
            load.run(scenario, seconds=options["warmup"], **common)
        measured = load.run(scenario, seconds=options["seconds"], **common)
        self.stdout.write(
            f"  {scenario.name:<14} {measured.rate:8,.1f} req/s  p50 {measured.p50_ms:7.1f}  "
            f"p95 {measured.p95_ms:7.1f}  p99 {measured.p99_ms:7.1f} ms  errors {measured.errors}"
            f"  {measured.statuses}"
        )
        return measured


def database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def machine() -> dict:
    with open("/proc/meminfo") as info:
        mem_kb = int(info.readline().split()[1])
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kb / 1024 / 1024),
        "python": platform.python_version(),
        "postgresql": connection.cursor().connection.info.server_version,
        "load_average": os.getloadavg(),
    }
