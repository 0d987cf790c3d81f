"""The daily roll-up of the IKM report's figures.

A report shows its period beside the periods before it (five years for a yearly report), so
without help it reads every answer and every completed request of those years: its cost would
grow with the university's history. Ended months do not change (answers and completions are
recorded when they happen), so `manage.py roll_up_skm`, run daily, adds each ended month up
once per service into MonthlyFigures, and reports read those rows for the months before
`RollUp.through` and the answers and requests themselves only for the months after.

Each run recomputes every ended month in one transaction (seconds at a million requests), so
whatever changes an ended month (a request erased at its requester's wish, data imported
afterwards) is counted again the next day. Until the first run, reports read everything live.
"""

import datetime

from django.db import transaction
from django.db.models import Case, Count, DateField, F, QuerySet, Sum, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from loket.requests.models import ServiceRequest

from . import ikm
from .models import MonthlyFigures, Response, RollUp

TOTALS = [f"t{n}" for n in range(1, ikm.ELEMENTS + 1)]
BATCH = 5_000


def midnight(day: datetime.date) -> datetime.datetime:
    """The start of `day` in the portal's time zone."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


def through() -> datetime.date | None:
    """The first month the roll-up does not hold (None before the first run)."""
    return RollUp.objects.values_list("through", flat=True).first()


def grouped(field: str, start) -> dict:
    """Unit and service columns, or NULL for rows whose `field` is before `start`: the trend
    shows only the earlier periods' totals, so their rows are added up over every unit and
    service. `start` None keeps every row's unit and service."""
    columns = {"group_unit": F("unit_id"), "group_service": F("service_id")}
    if start is None:
        return columns
    return {
        name: Case(When(**{f"{field}__gte": start}, then=column))
        for name, column in columns.items()
    }


def figures(
    rows: QuerySet, since: datetime.date, until: datetime.date, *, groups_from: datetime.date
) -> tuple[dict, dict]:
    """The rolled-up months in [since, until): (tallies, completed) keyed (unit, service,
    month) as the report keys its live figures."""
    sums = {name: Sum(name) for name in TOTALS}
    found = (
        rows.filter(month__gte=since, month__lt=until)
        .values("month", **grouped("month", groups_from))
        .annotate(answered=Sum("respondents"), done=Sum("completed"), **sums)
        .order_by()
    )
    tallies, completed = {}, {}
    for row in found:
        key = (row["group_unit"], row["group_service"], row["month"])
        if row["answered"]:
            tallies[key] = ikm.Result(row["answered"], tuple(row[name] for name in TOTALS))
        if row["done"]:
            completed[key] = row["done"]
    return tallies, completed


def answers_by_month(
    responses: QuerySet,
    since: datetime.date,
    until: datetime.date,
    *,
    groups_from: datetime.date | None = None,
) -> dict:
    """Answers of the months in [since, until): respondents and the sum of each element's
    answers per unit, service and month (unit and service NULL before `groups_from`)."""
    sums = {name: Sum(f"u{n}") for n, name in enumerate(TOTALS, start=1)}
    found = (
        responses.filter(month__gte=since, month__lt=until)
        .values("month", **grouped("month", groups_from))
        .annotate(answered=Count("id"), **sums)
        .order_by()
    )
    return {
        (row["group_unit"], row["group_service"], row["month"]): ikm.Result(
            row["answered"], tuple(row[name] for name in TOTALS)
        )
        for row in found
    }


def completed_by_month(
    requests: QuerySet, since: datetime.date, until: datetime.date, *, groups_from=None
) -> dict:
    """Requests completed in [since, until), per unit, service and month of the portal's time
    zone (unit and service NULL before `groups_from`)."""
    month = TruncMonth(
        "completed_at", output_field=DateField(), tzinfo=timezone.get_current_timezone()
    )
    group = grouped("completed_at", midnight(groups_from) if groups_from else None)
    found = (
        requests.filter(completed_at__gte=midnight(since), completed_at__lt=midnight(until))
        .annotate(completed_month=month)
        .values("completed_month", **group)
        .annotate(done=Count("id"))
        .order_by()
    )
    return {
        (row["group_unit"], row["group_service"], row["completed_month"]): row["done"]
        for row in found
    }


def roll_up(*, today: datetime.date | None = None) -> int:
    """Recompute every ended month; returns how many (service, month) rows it holds."""
    until = (today or timezone.localdate()).replace(day=1)
    rows: dict[tuple, MonthlyFigures] = {}

    def row(key: tuple) -> MonthlyFigures:
        if key not in rows:
            rows[key] = MonthlyFigures(unit_id=key[0], service_id=key[1], month=key[2])
        return rows[key]

    answered = answers_by_month(Response.objects.all(), datetime.date.min, until)
    for key, result in answered.items():
        figures_row = row(key)
        figures_row.respondents = result.respondents
        for name, total in zip(TOTALS, result.totals, strict=True):
            setattr(figures_row, name, total)
    completed = ServiceRequest.objects.filter(completed_at__isnull=False)
    earliest = completed.order_by("completed_at").values_list("completed_at", flat=True).first()
    if earliest is not None:
        start = timezone.localdate(earliest).replace(day=1)
        for key, done in completed_by_month(completed, start, until).items():
            row(key).completed = done
    with transaction.atomic():
        # One run at a time: a second waits here, then rewrites the same months.
        RollUp.objects.get_or_create(pk=1, defaults={"through": datetime.date.min})
        RollUp.objects.select_for_update().filter(pk=1).first()
        MonthlyFigures.objects.all().delete()
        MonthlyFigures.objects.bulk_create(rows.values(), batch_size=BATCH)
        RollUp.objects.filter(pk=1).update(through=until, rolled_at=timezone.now())
    return len(rows)
