"""Working days for service levels ("14 hari kerja"): pure functions, no database.

`closed` is any container of dates on which the office is shut besides weekends, such as
`national_closures()` merged with the unit's own closures (see `loket.workdays.service`).
"""

import datetime
from collections.abc import Container, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

import holidays

ONE_DAY = datetime.timedelta(days=1)


def is_working_day(day: datetime.date, *, closed: Container[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in closed


def first_working_day(day: datetime.date, *, closed: Container[datetime.date]) -> datetime.date:
    """`day` itself if it is a working day, else the next one."""
    while not is_working_day(day, closed=closed):
        day += ONE_DAY
    return day


def add_working_days(
    start: datetime.date, days: int, *, closed: Container[datetime.date]
) -> datetime.date:
    """The due date of a service of `days` working days that starts on `start`.

    The start day does not count. A request that arrives on a closed day is treated as arriving
    on the next working day, so Saturday + 1 is Tuesday, like Monday + 1; `days=0` gives that
    first working day.
    """
    if days < 0:
        raise ValueError(f"days must not be negative, not {days}")
    day = first_working_day(start, closed=closed)
    for _ in range(days):
        day = first_working_day(day + ONE_DAY, closed=closed)
    return day


def working_days_between(
    start: datetime.date, end: datetime.date, *, closed: Container[datetime.date]
) -> int:
    """Working days in (start, end]: e.g. those a request spent returned to its requester."""
    count, day = 0, start + ONE_DAY
    while day <= end:
        count += is_working_day(day, closed=closed)
        day += ONE_DAY
    return count


def national_closures(years: Iterable[int]) -> dict[datetime.date, str]:
    """Indonesian public holidays and collective leave days (cuti bersama), named in Indonesian."""
    closures: dict[datetime.date, str] = {}
    for year in sorted(set(years)):
        closures.update(_national_closures_of(year))
    return closures


@lru_cache(maxsize=32)
def _national_closures_of(year: int) -> Mapping[datetime.date, str]:
    # "government" is the category under which `holidays` keeps cuti bersama for Indonesia.
    found = holidays.country_holidays("ID", years=year, categories=("public", "government"))
    return MappingProxyType(dict(found))
