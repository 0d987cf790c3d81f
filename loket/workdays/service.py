"""The working calendar of one unit: national closures plus closures entered in the Admin Panel."""

import datetime

from loket.catalog.models import Unit

from .calendar import add_working_days, national_closures
from .models import Closure


def closed_days(unit: Unit, *, start: datetime.date, end: datetime.date) -> set[datetime.date]:
    """Days within [start, end] on which `unit` is closed, weekends aside (two queries)."""
    national = national_closures(range(start.year, end.year + 1))
    days = {day for day in national if start <= day <= end}
    for closure in Closure.objects.for_unit(unit).overlapping(start=start, end=end):
        days.update(closure.days(start=start, end=end))
    return days


def due_date(unit: Unit, *, start: datetime.date, days: int) -> datetime.date:
    """`add_working_days` over the unit's calendar.

    To extend a deadline by the working days a request spent returned to its requester, add
    them to `days`: counting N and then K more working days is the same as counting N + K.
    """
    horizon = 2 * days + 30
    while True:
        end = start + datetime.timedelta(days=horizon)
        due = add_working_days(start, days, closed=closed_days(unit, start=start, end=end))
        # Beyond `end` nothing was known to be closed, so only a date within it is certain.
        if due <= end:
            return due
        horizon *= 2
