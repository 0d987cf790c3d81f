"""A benchmark, not a test: seed requests on PostgreSQL and time Pencarian over them."""

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory

from loket.accounts.models import User
from loket.bench import seed
from loket.requests.models import ServiceRequest
from loket.search import results, views
from loket.search.forms import Kind
from loket.search.query import Criteria

MAX_REQUESTS = 5_000_000
# Words people would type: applications, features, units, a person, phrases, and two misspelt
# (nothing matches them, so the search suggests the nearest words and searches for those).
WORDS = [
    "laporan siakad",
    "presensi",
    "tanda tangan elektronik",
    "fakultas hukum",
    "sembiring",
    "remunerasi ekspor",
    "kenaikan pangkat simpeg",
    "dasbor akreditasi",
    "wisuda",
    "integrasi jurnal",
    "presnsi",
    "fakultas hukm",
]


class Command(BaseCommand):
    help = (
        "Seed requests with their timelines into two bench units (PostgreSQL COPY, resumable, "
        "skipped when already there) and time word and ticket-number searches: p50 and p95."
    )

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=1_000_000)
        parser.add_argument("--runs", type=int, default=50, help="timed runs per figure")
        parser.add_argument("--batch", type=int, default=seed.BATCH)

    def handle(self, *args, requests: int, runs: int, batch: int, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL.")
        if not 1 <= requests <= MAX_REQUESTS or not 1 <= runs <= 1000:
            raise CommandError(f"--requests: 1 to {MAX_REQUESTS:,}; --runs: 1 to 1000.")
        self.stdout.write(f"Seeding {requests:,} requests (units SRCH and SRCH2):")
        done = seed.seed_requests(requests, batch=batch, progress=self.stdout.write)
        if done.added:
            self.stdout.write(
                f"Seeded {done.added:,} requests and {done.events:,} events in "
                f"{done.seconds:,.0f} s."
            )
        self.time_searches(runs)

    def time_searches(self, runs: int) -> None:
        total = ServiceRequest.objects.count()
        self.stdout.write(
            f"\nPencarian over {total:,} requests, {runs} runs per figure (milliseconds; "
            "'search' is the query function's count and page, 'page' the whole /pencarian/ "
            "view with its template and header):"
        )
        rng = random.Random(8)
        for label, user in self.personas():
            visible = ServiceRequest.objects.visible_to(user)
            tickets = self.sample_tickets(visible, runs, rng)
            self.stdout.write(f"  {label} ({visible.count():,} visible):")
            queries = {
                "words": [WORDS[n % len(WORDS)] for n in range(runs)],
                "ticket, exact": tickets,
                "ticket, prefix": [ticket[:-2] for ticket in tickets],
            }
            for kind, texts in queries.items():
                search = timed(lambda text, u=user: search_once(text, u), texts)
                page = timed(lambda text, u=user: page_once(text, u), texts)
                self.stdout.write(f"    {kind:<15} search {search} · page {page}")

    def personas(self) -> list[tuple[str, User]]:
        users = {u.username: u for u in User.objects.filter(username__startswith="bench-")}
        requester = (
            ServiceRequest.objects.filter(unit__code="SRCH").order_by("pk").first().requester
        )
        return [
            ("Unit Admin of SRCH", users["bench-unit_admin-srch"]),
            ("Unit Admin of SRCH2", users["bench-unit_admin-srch2"]),
            ("Direktur of SRCH", users["bench-director-srch"]),
            ("a requester", requester),
            ("Superadmin", users["bench-superadmin"]),
        ]

    def sample_tickets(self, visible, runs: int, rng: random.Random) -> list[str]:
        ids = list(visible.order_by("pk").values_list("pk", flat=True)[:200_000])
        chosen = [rng.choice(ids) for _ in range(runs)]
        tickets = dict(ServiceRequest.objects.filter(pk__in=chosen).values_list("pk", "ticket"))
        return [tickets[pk] for pk in chosen]


def search_once(text: str, user) -> int:
    found = results.find(Criteria(text=text), user=user, kind=Kind.REQUESTS)
    return len(found.requests.object_list)


def page_once(text: str, user) -> int:
    request = RequestFactory().get("/pencarian/", {"q": text})
    request.user = user
    response = views.search(request)
    assert response.status_code == 200, response.status_code
    return len(response.content)


def timed(run, texts: list[str]) -> str:
    run(texts[0])  # warm the cache, as a live portal's would be
    seconds = []
    for text in texts:
        started = time.perf_counter()
        run(text)
        seconds.append(time.perf_counter() - started)
    cuts = statistics.quantiles(seconds, n=20) if len(seconds) > 1 else seconds * 19
    return f"p50 {statistics.median(seconds) * 1000:6.1f} p95 {cuts[18] * 1000:6.1f}"
