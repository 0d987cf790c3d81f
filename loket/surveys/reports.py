"""The SKM report of a unit, a service or the whole university for one period.

Every figure comes from whole-number sums that the database groups per unit, service and month
in one query (`monthly_tallies`); months are then folded into the periods asked for, so the
answers themselves never travel to Python and the index stays exact (loket.surveys.ikm).
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from loket.catalog.models import Service, Unit
from loket.requests.models import ServiceRequest

from . import ikm, rollup
from .models import PROFILE, Element, MonthlyFigures, Response
from .periods import Period

SUGGESTIONS_SHOWN = 100
Key = tuple[int, int, datetime.date]  # unit, service, first day of a month or period


@dataclass(frozen=True)
class Scope:
    """A unit, one of its services, or (neither) the whole university."""

    unit: Unit | None = None
    service: Service | None = None

    def filter(self, queryset: QuerySet) -> QuerySet:
        if self.service:
            return queryset.filter(service=self.service)
        if self.unit:
            return queryset.filter(unit=self.unit)
        return queryset

    @property
    def breakdown(self) -> str:
        """What the report lists one row per: services of a unit, units of the university."""
        return "" if self.service else "service" if self.unit else "unit"

    def __str__(self) -> str:
        if self.service:
            return f"{self.service.name} · {self.unit.name}"
        return self.unit.name if self.unit else _("The whole university")


@dataclass(frozen=True)
class Row:
    """One group's index beside the number of requests completed (the survey's population)."""

    label: str
    result: ikm.Result
    population: int

    @property
    def minimum(self) -> int:
        return ikm.minimum_sample(self.population)

    @property
    def enough(self) -> bool:
        return self.result.respondents >= self.minimum


@dataclass(frozen=True)
class ElementRow:
    element: Element
    total: int  # the sum of its answers
    nrr: Fraction

    @property
    def weighted(self) -> Fraction:
        return self.nrr * ikm.WEIGHT

    @property
    def weighted_rounded(self) -> Decimal:
        return ikm.round_half_up(self.weighted, 3)

    @property
    def converted(self) -> Decimal:
        return ikm.converted(self.nrr)

    @property
    def grade(self) -> ikm.Grade:
        return ikm.grade(self.converted)

    def rounded(self, places: int = 2) -> Decimal:
        return ikm.round_half_up(self.nrr, places)


@dataclass
class Report:
    scope: Scope
    period: Period
    summary: Row
    elements: list[ElementRow]
    trend: list[tuple[Period, Row]]
    breakdown: list[Row]
    profile: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestions: list[Response] = field(default_factory=list)
    suggestion_count: int = 0

    @property
    def skm(self) -> Decimal:
        return ikm.round_half_up(self.summary.result.skm, 4)

    @property
    def lowest_first(self) -> list[ElementRow]:
        return sorted(self.elements, key=lambda row: (row.nrr, row.element.number))


def build(scope: Scope, period: Period, *, suggestions: int = SUGGESTIONS_SHOWN) -> Report:
    trend_periods = period.trend()
    tallies, population = figures(scope, trend_periods)
    summary = fold(tallies, population, period, label=str(scope))
    report = Report(
        scope=scope,
        period=period,
        summary=summary,
        elements=element_rows(summary.result),
        trend=[(p, fold(tallies, population, p, label=str(p))) for p in trend_periods],
        breakdown=breakdown(scope, tallies, population, period),
    )
    in_period = scope.filter(Response.objects.all()).filter(
        month__gte=period.start, month__lt=period.end
    )
    report.profile, report.suggestion_count = profile(in_period)
    report.suggestions = list(
        in_period.exclude(suggestion="")
        .select_related("service")
        .only("answered_at", "suggestion", "service__name_id", "service__name_en")
        .order_by("-answered_at", "-id")[:suggestions]
    )
    return report


def figures(scope: Scope, trend: list[Period]) -> tuple[dict[Key, ikm.Result], dict[Key, int]]:
    """The trend's answers and completed requests: ended months from the daily roll-up where
    it has run (loket/surveys/rollup.py), the rest from the answers and requests themselves.
    Keys are (unit, service, a month or period's first day); before the chosen period, whose
    rows are only ever added up, unit and service are None."""
    period, first = trend[-1], trend[0].start
    responses = scope.filter(Response.objects.all())
    requests = scope.filter(ServiceRequest.objects.all())
    rolled = min(rollup.through() or first, period.end)
    if rolled <= first:
        tallies = monthly_tallies(responses, trend, groups_from=period.start)
        population = period_population(requests, [period]) | trend_population(requests, trend[:-1])
        return tallies, population
    rows = scope.filter(MonthlyFigures.objects.all())
    tallies, population = rollup.figures(rows, first, rolled, groups_from=period.start)
    if rolled < period.end:
        tallies |= rollup.answers_by_month(responses, rolled, period.end, groups_from=period.start)
        population |= rollup.completed_by_month(
            requests, rolled, period.end, groups_from=period.start
        )
    return tallies, population


def monthly_tallies(
    responses: QuerySet, trend: list[Period], *, groups_from: datetime.date | None = None
) -> dict[Key, ikm.Result]:
    """(unit, service, month): respondents and the sum of each element's answers. One query."""
    return rollup.answers_by_month(
        responses, trend[0].start, trend[-1].end, groups_from=groups_from
    )


def period_population(requests: QuerySet, trend: list[Period]) -> dict[Key, int]:
    """(unit, service, period start): the requests completed in each period, whoever answered.
    One query, comparing times with each period's bounds rather than converting every row."""
    counts = {
        f"p{n}": Count("id", filter=Q(completed_at__gte=since, completed_at__lt=until))
        for n, (since, until) in enumerate(bounds(p) for p in trend)
    }
    since, until = bounds(trend[0])[0], bounds(trend[-1])[1]
    rows = (
        requests.filter(completed_at__gte=since, completed_at__lt=until)
        .values("unit_id", "service_id")
        .annotate(**counts)
        .order_by()
    )
    return {
        (row["unit_id"], row["service_id"], p.start): row[f"p{n}"]
        for row in rows
        for n, p in enumerate(trend)
    }


def trend_population(requests: QuerySet, trend: list[Period]) -> dict[Key, int]:
    """The requests completed in each period of the trend, all groups together (the trend shows
    no breakdown): counted from the index without grouping the years of rows by service."""
    if not trend:
        return {}
    counts = {
        f"p{n}": Count("id", filter=Q(completed_at__gte=since, completed_at__lt=until))
        for n, (since, until) in enumerate(bounds(p) for p in trend)
    }
    totals = requests.filter(
        completed_at__gte=min(bounds(p)[0] for p in trend),
        completed_at__lt=max(bounds(p)[1] for p in trend),
    ).aggregate(**counts)
    return {(None, None, p.start): totals[f"p{n}"] for n, p in enumerate(trend)}


def bounds(period: Period) -> tuple[datetime.datetime, datetime.datetime]:
    """Midnight at the period's first day and the day after it, in the portal's time zone."""
    return rollup.midnight(period.start), rollup.midnight(period.end)


def fold(tallies, population, period: Period, *, label: str) -> Row:
    """Add up the months of `period`."""
    start, end = period.start, period.end
    result = ikm.total([t for key, t in tallies.items() if start <= key[2] < end])
    completed = sum(n for key, n in population.items() if start <= key[2] < end)
    return Row(label=label, result=result, population=completed)


def element_rows(result: ikm.Result) -> list[ElementRow]:
    if not result.answered:
        return []
    rows = zip(Element.objects.all(), result.totals, result.nrrs, strict=False)
    return [ElementRow(element, total, nrr) for element, total, nrr in rows]


def breakdown(scope: Scope, tallies, population, period: Period) -> list[Row]:
    """One row per service of the unit (or per unit of the university) that had any activity."""
    if not scope.breakdown:
        return []
    position = 1 if scope.breakdown == "service" else 0
    groups: dict[int, tuple[dict, dict]] = {}
    for source, index in ((tallies, 0), (population, 1)):
        for key, value in source.items():
            if key[position] is not None:
                groups.setdefault(key[position], ({}, {}))[index][key] = value
    model = Service if scope.breakdown == "service" else Unit
    rows = [
        fold(*groups[obj.pk], period, label=obj.name) for obj in model.objects.filter(pk__in=groups)
    ]
    return [row for row in rows if row.result.answered or row.population]


def profile(responses: QuerySet) -> tuple[dict[str, list[tuple[str, int]]], int]:
    """How many respondents gave each profile answer (or none), and how many wrote a suggestion."""
    counts = {
        f"{name}__{value}": Count("id", filter=Q(**{name: value}))
        for name, choices in PROFILE.items()
        for value in [*choices.values, ""]
    }
    totals = responses.aggregate(**counts)
    totals["suggestions"] = responses.exclude(suggestion="").count()
    shown = {
        name: [
            (str(label), totals[f"{name}__{value}"])
            for value, label in [*choices.choices, ("", _("Not stated"))]
        ]
        for name, choices in PROFILE.items()
    }
    return shown, totals["suggestions"]
