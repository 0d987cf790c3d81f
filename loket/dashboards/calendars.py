"""Working-day windows of the dashboard (backlog age, due soon) as plain date bounds.

A request's age is the working days from the day it was filed to today (`working_days_between`,
the filing day not counted). Age never grows when the filing day moves later, so every age bucket
is one range of filing days, and the database compares `submitted_at` with two instants instead of
counting working days row by row. Units keep their own closures, so the bounds are computed per
unit and units with the same calendar share one condition.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.catalog.models import Unit
from loket.requests.models import RUNNING
from loket.workdays.calendar import is_working_day, national_closures, working_days_between
from loket.workdays.models import Closure

ONE_DAY = datetime.timedelta(days=1)
# key: (label, fewest working days, most working days or None)
AGE_BUCKETS = {
    "0-2": (_("0–2 working days"), 0, 2),
    "3-5": (_("3–5 working days"), 3, 5),
    "6-10": (_("6–10 working days"), 6, 10),
    "11+": (_("more than 10 working days"), 11, None),
}
DUE_SOON_DAYS = 2  # due today or within the next two working days
LOOK_BACK = datetime.timedelta(days=400)  # more than enough for 11 working days, even at Lebaran
LOOK_AHEAD = datetime.timedelta(days=60)


@dataclass(frozen=True)
class Calendars:
    """Each unit's closed days (weekends aside) within [start, end]."""

    start: datetime.date
    end: datetime.date
    closed: dict[int, frozenset[datetime.date]]
    # Per calendar: the working days in (start, start + i] for each i, built when first needed.
    _counted: dict[frozenset, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def groups(self) -> list[tuple[list[int], frozenset[datetime.date]]]:
        """Units that share a calendar, so that one condition serves them all."""
        shared: dict[frozenset, list[int]] = defaultdict(list)
        for unit_id, days in self.closed.items():
            shared[days].append(unit_id)
        return [(sorted(ids), days) for days, ids in shared.items()]

    def working_days(self, unit_id: int, start: datetime.date, end: datetime.date) -> int:
        """As working_days_between(start, end), by subtraction within the loaded days."""
        closed = self.closed.get(unit_id, frozenset())
        if not self.start <= start <= end <= self.end:
            return working_days_between(start, end, closed=closed)
        counted = self._counted.get(closed)
        if counted is None:
            counted, day, total = [0], self.start, 0
            while day < self.end:
                day += ONE_DAY
                total += is_working_day(day, closed=closed)
                counted.append(total)
            self._counted[closed] = counted
        return counted[(end - self.start).days] - counted[(start - self.start).days]


def load(unit_ids: list[int] | None, *, start: datetime.date, end: datetime.date) -> Calendars:
    """Calendars of the units (every unit when None) in two queries."""
    parents = dict(Unit.objects.values_list("id", "parent_id"))
    years = range(start.year, end.year + 1)
    national = {day for day in national_closures(years) if start <= day <= end}
    closures = list(Closure.objects.overlapping(start=start, end=end))
    closed = {}
    for unit_id in list(parents) if unit_ids is None else unit_ids:
        lineage = _lineage(unit_id, parents)
        days = set(national)
        for closure in closures:
            if closure.unit_id is None or closure.unit_id in lineage:
                days.update(closure.days(start=start, end=end))
        closed[unit_id] = frozenset(days)
    return Calendars(start, end, closed)


def around(today: datetime.date, unit_ids: list[int] | None) -> Calendars:
    return load(unit_ids, start=today - LOOK_BACK, end=today + LOOK_AHEAD)


def _lineage(unit_id: int, parents: dict[int, int | None]) -> set[int]:
    seen: set[int] = set()
    current: int | None = unit_id
    while current is not None and current not in seen:
        seen.add(current)
        current = parents.get(current)
    return seen


def age_range(
    key: str, today: datetime.date, closed: frozenset[datetime.date]
) -> tuple[datetime.date | None, datetime.date]:
    """The first and last filing day whose age today falls in the bucket (None: no first)."""
    _label, fewest, most = AGE_BUCKETS[key]
    day, age = today, 0
    first = last = None
    while True:
        if last is None and age >= fewest:
            last = day
        if most is not None and age > most:
            return first, last
        if age >= fewest:
            first = day
        if most is None and last is not None:
            return None, last
        age += is_working_day(day, closed=closed)  # the age of the day before `day`
        day -= ONE_DAY


def due_soon_until(today: datetime.date, closed: frozenset[datetime.date]) -> datetime.date:
    """The last due date that counts as "due soon": DUE_SOON_DAYS working days after today."""
    day, counted = today, 0
    while counted < DUE_SOON_DAYS:
        day += ONE_DAY
        counted += is_working_day(day, closed=closed)
    return day


def start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def filed_between(first: datetime.date | None, last: datetime.date) -> Q:
    condition = Q(submitted_at__lt=start_of(last + ONE_DAY))
    return condition & Q(submitted_at__gte=start_of(first)) if first else condition


def age_condition(key: str, calendars: Calendars, today: datetime.date) -> Q:
    """Open requests (the clock running) whose age falls in the bucket."""
    condition = Q(pk__in=[])
    for unit_ids, closed in calendars.groups():
        first, last = age_range(key, today, closed)
        condition |= Q(unit_id__in=unit_ids) & filed_between(first, last)
    return Q(status__in=RUNNING) & condition


def due_soon_condition(calendars: Calendars, today: datetime.date) -> Q:
    condition = Q(pk__in=[])
    for unit_ids, closed in calendars.groups():
        until = due_soon_until(today, closed)
        condition |= Q(unit_id__in=unit_ids, due_date__lte=until)
    return Q(status__in=RUNNING, due_date__gte=today) & condition


def overdue_condition(today: datetime.date) -> Q:
    """As `ServiceRequest.objects.overdue()`: the clock running and the due date passed."""
    return Q(status__in=RUNNING, due_date__lt=today)
