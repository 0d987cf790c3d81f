import datetime

import pytest

from loket.surveys import periods


@pytest.mark.parametrize(
    "key, start, end",
    [
        ("2026-03", datetime.date(2026, 3, 1), datetime.date(2026, 4, 1)),
        ("2026-Q4", datetime.date(2026, 10, 1), datetime.date(2027, 1, 1)),
        ("2026-S2", datetime.date(2026, 7, 1), datetime.date(2027, 1, 1)),
        ("2026", datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)),
    ],
)
def test_keys_name_their_dates(key, start, end):
    period = periods.parse(key)
    assert (period.start, period.end, period.key) == (start, end, key)


@pytest.mark.parametrize("key", ["", "2026-13", "2026-Q5", "2026-S3", "26", "0000", "x"])
def test_nonsense_is_no_period(key):
    assert periods.parse(key) is None


def test_the_trend_ends_with_the_period():
    trend = periods.parse("2026-Q1").trend()
    assert [p.key for p in trend[-3:]] == ["2025-Q3", "2025-Q4", "2026-Q1"]
    assert len(trend) == periods.KINDS["quarter"][1]


def test_a_day_belongs_to_one_period_of_each_kind():
    day = datetime.date(2026, 8, 17)
    assert [periods.containing(day, kind).key for kind in periods.KINDS] == [
        "2026-08",
        "2026-Q3",
        "2026-S2",
        "2026",
    ]
