"""A benchmark, not a test: seed many answers into PostgreSQL and time the IKM report."""

import datetime
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from loket.accounts.models import User
from loket.catalog.models import Category, Service, Unit
from loket.requests.models import ServiceRequest, Status
from loket.surveys import periods, reports
from loket.surveys.models import Response

MAX_RESPONSES = 2_000_000
BATCH = 50_000
SERVICES = 20
YEARS = 3
# Scores lean to 3 as real surveys do; U4 (cost) and U7 (conduct) a little lower.
LEANING = [1, 2, 2, 3, 3, 3, 3, 4, 4, 4]


class Command(BaseCommand):
    help = (
        "Seed a BENCH unit with completed requests and questionnaire answers (PostgreSQL COPY; "
        "skipped when already there) and time the IKM report over them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--responses", type=int, default=300_000)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, responses: int, repeat: int, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL: set DATABASE_URL.")
        if not 1 <= responses <= MAX_RESPONSES:
            raise CommandError(f"--responses must be between 1 and {MAX_RESPONSES:,}.")
        unit = self.seed(responses)
        self.time_report(unit, max(1, min(repeat, 50)))

    # Seeding ----------------------------------------------------------------------------------

    def seed(self, count: int) -> Unit:
        unit, services, requester = self.bench_unit()
        present = Response.objects.filter(unit=unit).count()
        if present == count:
            self.stdout.write(f"{count:,} answers already present in unit BENCH: seeding skipped.")
            return unit
        with transaction.atomic():
            Response.objects.filter(unit=unit).delete()
            ServiceRequest.objects.filter(unit=unit).delete()
        rng = random.Random(14)
        end = timezone.now()
        start = end - datetime.timedelta(days=365 * YEARS)
        started = time.perf_counter()
        for first in range(0, count, BATCH):
            size = min(BATCH, count - first)
            with transaction.atomic():
                self.seed_batch(unit, services, requester, first, size, rng, start, end)
            done = first + size
            rate = done / (time.perf_counter() - started)
            self.stdout.write(f"  seeded {done:,}/{count:,} requests and answers ({rate:,.0f}/s)")
        with connection.cursor() as cursor:
            for model in (ServiceRequest, Response):
                cursor.execute(f"ANALYZE {model._meta.db_table}")
        return unit

    def bench_unit(self) -> tuple[Unit, list[Service], User]:
        unit, _ = Unit.objects.get_or_create(
            code="BENCH",
            defaults={"slug": "bench", "name_id": "Unit Uji Beban", "is_active": False},
        )
        category, _ = Category.objects.get_or_create(
            slug="bench", defaults={"name_id": "Uji Beban"}
        )
        services = [
            Service.objects.get_or_create(
                slug=f"bench-{n}",
                defaults={"unit": unit, "category": category, "name_id": f"Layanan Uji {n}"},
            )[0]
            for n in range(1, SERVICES + 1)
        ]
        requester, _ = User.objects.get_or_create(username="bench-requester")
        return unit, services, requester

    def seed_batch(self, unit, services, requester, first, size, rng, start, end) -> None:
        span = (end - start).total_seconds()
        requests, answered_at = [], []
        for n in range(first, first + size):
            completed = start + datetime.timedelta(seconds=rng.random() * span)
            answered_at.append(completed + datetime.timedelta(hours=rng.random() * 72))
            requests.append(
                ServiceRequest(
                    ticket=f"BENCH-{n + 1:07d}",
                    unit=unit,
                    service=rng.choice(services),
                    requester=requester,
                    status=Status.CLOSED,
                    subject="Uji beban",
                    description="Uji beban",
                    letter_number=f"B/{n + 1}",
                    letter_date=completed.date(),
                    signatory_name="Uji",
                    signatory_position="Uji",
                    requesting_unit="Uji",
                    whatsapp="+6281200000000",
                    submitted_at=completed - datetime.timedelta(days=7),
                    due_date=completed.date(),
                    completed_at=completed,
                    closed_at=completed,
                )
            )
        copy(ServiceRequest, requests)
        tickets = ServiceRequest.objects.filter(
            ticket__gte=requests[0].ticket, ticket__lte=requests[-1].ticket
        )
        ids = dict(tickets.values_list("ticket", "pk"))
        copy(
            Response,
            (
                Response(
                    req_id=ids[req.ticket],
                    unit=unit,
                    service_id=req.service_id,
                    answered_at=when,
                    month=Response.month_of(when),
                    suggestion="Mohon dipercepat." if rng.random() < 0.1 else "",
                    **{
                        f"u{n}": max(1, rng.choice(LEANING) - (n in (4, 7) and rng.random() < 0.3))
                        for n in range(1, 10)
                    },
                )
                for req, when in zip(requests, answered_at, strict=True)
            ),
        )

    # Timing -----------------------------------------------------------------------------------

    def time_report(self, unit: Unit, repeat: int) -> None:
        period = periods.containing(timezone.localdate(), "semester")
        trend = period.trend()
        scope = reports.Scope(unit)
        answers = Response.objects.filter(unit=unit).count()
        self.stdout.write(
            f"Timing the IKM report of unit BENCH ({answers:,} answers, {trend[0]} to {period}), "
            f"best and median of {repeat} runs:"
        )
        runs = {
            "the grouped IKM query": lambda: reports.monthly_tallies(
                scope.filter(Response.objects.all()), trend
            ),
            "the population query": lambda: reports.period_population(
                scope.filter(ServiceRequest.objects.all()), trend
            ),
            "the whole unit report (all its queries)": lambda: reports.build(scope, period),
            "the university-wide report": lambda: reports.build(reports.Scope(), period),
        }
        for label, run in runs.items():
            best, median = timed(repeat, run)
            self.stdout.write(f"  {label}: {best * 1000:.0f} ms (median {median * 1000:.0f} ms)")


def timed(repeat: int, run) -> tuple[float, float]:
    run()  # warm the cache, as a live portal's would be
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - started)
    return min(seconds), statistics.median(seconds)


def copy(model, objects) -> None:
    """COPY rows in, each column prepared by its Django field (defaults included)."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as stream:
            for obj in objects:
                stream.write_row(
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )
