"""A benchmark, not a test: seed requests on PostgreSQL, time the Dasbor, its list, an export."""

import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from loket.accounts.models import User
from loket.bench import seed
from loket.requests.models import ServiceRequest
from loket.surveys import periods

from ... import views

MAX_REQUESTS = 5_000_000


class Command(BaseCommand):
    help = (
        "Seed requests into two bench units (loket.bench.seed: COPY, resumable) and time the "
        "dashboard page, its request list and a CSV export: p50 and p95 in milliseconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=300_000)
        parser.add_argument("--runs", type=int, default=15, help="timed runs per figure")

    def handle(self, *args, requests: int, runs: int, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL.")
        if not 1 <= requests <= MAX_REQUESTS or not 1 <= runs <= 1000:
            raise CommandError(f"--requests: 1 to {MAX_REQUESTS:,}; --runs: 1 to 1000.")
        done = seed.seed_requests(requests, progress=self.stdout.write)
        if done.added:
            self.stdout.write(f"Seeded {done.added:,} requests in {done.seconds:,.0f} s.")
        last = ServiceRequest.objects.order_by("-submitted_at").first().submitted_at
        month = periods.containing(last.date(), "month").key
        year = periods.containing(last.date(), "year").key
        total = ServiceRequest.objects.count()
        self.stdout.write(f"\nDasbor over {total:,} requests, {runs} runs each (ms, p50 / p95):")
        for label, user, unit in self.personas():
            scope = {"unit": unit} if unit else {}
            pages = {
                f"dashboard, month {month}": (views.index, "/dasbor/", {"periode": month}),
                f"dashboard, year {year}": (views.index, "/dasbor/", {"periode": year}),
                "list, overdue": (views.request_list, "/dasbor/permintaan/", {"due": "overdue"}),
                "list, age > 10": (views.request_list, "/dasbor/permintaan/", {"age": "11+"}),
            }
            self.stdout.write(f"  {label}:")
            for name, (view, path, params) in pages.items():
                query = {**scope, **params}
                figure = timed(lambda v=view, p=path, q=query, u=user: run(v, p, q, u), runs)
                self.stdout.write(f"    {name:<24} {figure}")
            self.time_export(user, scope, month)

    def time_export(self, user, scope: dict, month: str) -> None:
        start = periods.parse(month)
        params = {**scope, "since": start.start.isoformat(), "until": start.last_day.isoformat()}
        began = time.perf_counter()
        rows = export(user, params)
        seconds = time.perf_counter() - began
        self.stdout.write(
            f"    CSV of the month         {rows:,} rows in {seconds * 1000:,.0f} ms "
            f"({rows / seconds:,.0f} rows/s)"
        )

    def personas(self) -> list[tuple[str, User, str]]:
        users = {u.username: u for u in User.objects.filter(username__startswith="bench-")}
        return [
            ("Direktur of SRCH (90%)", users["bench-director-srch"], "srch"),
            ("Unit Admin of SRCH2 (10%)", users["bench-unit_admin-srch2"], "srch2"),
            ("Superadmin, whole university", users["bench-superadmin"], ""),
        ]


def run(view, path: str, params: dict, user) -> int:
    request = RequestFactory().get(path, params)
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        response = view(request)
    assert response.status_code == 200, response.status_code
    return len(queries)


def export(user, params: dict) -> int:
    request = RequestFactory().get("/dasbor/permintaan.csv", params)
    request.user = user
    response = views.request_list_export(request, fmt="csv")
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    reset_queries()
    return lines - 1


def timed(call, runs: int) -> str:
    queries = call()  # warm the caches, as a live portal's would be
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - began)
    seconds.sort()
    p50 = statistics.median(seconds) * 1000
    p95 = seconds[max(0, round(0.95 * len(seconds)) - 1)] * 1000
    return f"{p50:7.1f} / {p95:7.1f}  ({queries} queries)"
