"""The dashboard's working days, counted by subtraction over the days it loaded, are the days
`working_days_between` counts one by one: the completion and answer times do not change."""

import datetime
import itertools

from loket.dashboards.calendars import Calendars
from loket.workdays.calendar import working_days_between

START = datetime.date(2026, 11, 1)
# A unit closed on Thursday 19 November and one without closures, side by side.
CLOSED = {1: frozenset({datetime.date(2026, 11, 19)}), 2: frozenset()}


def test_working_days_are_those_counted_day_by_day():
    calendar = Calendars(START, datetime.date(2026, 11, 30), CLOSED)
    days = [START + datetime.timedelta(days=n) for n in range(-3, 34)]  # some outside the loaded
    for unit_id, (start, end) in itertools.product(CLOSED, itertools.product(days, days)):
        expected = working_days_between(start, end, closed=CLOSED[unit_id])
        assert calendar.working_days(unit_id, start, end) == expected, (unit_id, start, end)
    # By hand: filed Wednesday 18 Nov, done Monday 23 Nov: 20 and 23, or 19, 20 and 23.
    assert calendar.working_days(1, datetime.date(2026, 11, 18), datetime.date(2026, 11, 23)) == 2
    assert calendar.working_days(2, datetime.date(2026, 11, 18), datetime.date(2026, 11, 23)) == 3
