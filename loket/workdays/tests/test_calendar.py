"""The pure calendar, against the Indonesian 2026 calendar of the `holidays` package."""

from datetime import date

import pytest

from loket.workdays.calendar import (
    add_working_days,
    is_working_day,
    national_closures,
    working_days_between,
)

CLOSED_2026 = national_closures([2026])


def test_it_counts_weekdays_as_working_days():
    assert is_working_day(date(2026, 7, 10), closed=CLOSED_2026)  # Friday
    assert not is_working_day(date(2026, 7, 11), closed=CLOSED_2026)  # Saturday
    assert not is_working_day(date(2026, 7, 12), closed=CLOSED_2026)  # Sunday


def test_it_skips_a_weekend():
    # Thursday 9 July + 3: Fri 10 (1), Mon 13 (2), Tue 14 (3)
    assert add_working_days(date(2026, 7, 9), 3, closed=CLOSED_2026) == date(2026, 7, 14)


def test_it_skips_independence_day():
    assert CLOSED_2026[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert not is_working_day(date(2026, 8, 17), closed=CLOSED_2026)
    # Friday 14 August + 1: Monday 17 is closed, so Tuesday 18
    assert add_working_days(date(2026, 8, 14), 1, closed=CLOSED_2026) == date(2026, 8, 18)


def test_it_knows_the_2026_idul_fitri_collective_leave():
    names = {
        day: CLOSED_2026[day]
        for day in CLOSED_2026
        if date(2026, 3, 16) <= day <= date(2026, 3, 27)
    }
    assert names == {
        date(2026, 3, 18): "Cuti Bersama Hari Suci Nyepi",
        date(2026, 3, 19): "Hari Suci Nyepi",
        date(2026, 3, 20): "Cuti Bersama Hari Raya Idul Fitri",
        date(2026, 3, 21): "Hari Raya Idul Fitri",
        date(2026, 3, 22): "Hari kedua dari Hari Raya Idul Fitri",
        date(2026, 3, 23): "Cuti Bersama Hari Raya Idul Fitri",
        date(2026, 3, 24): "Cuti Bersama Hari Raya Idul Fitri",
    }


def test_it_skips_collective_leave_days():
    # Tuesday 17 March + 2: Wed 18 to Tue 24 are all closed, so Wed 25 (1), Thu 26 (2)
    assert add_working_days(date(2026, 3, 17), 2, closed=CLOSED_2026) == date(2026, 3, 26)


def test_it_starts_counting_after_a_weekend_start():
    # Saturday 11 July is treated as Monday 13, which does not count: Tue 14 (1)
    assert add_working_days(date(2026, 7, 11), 1, closed=CLOSED_2026) == date(2026, 7, 14)
    assert add_working_days(date(2026, 7, 13), 1, closed=CLOSED_2026) == date(2026, 7, 14)


def test_it_gives_the_first_working_day_for_zero_days():
    assert add_working_days(date(2026, 7, 9), 0, closed=CLOSED_2026) == date(2026, 7, 9)
    assert add_working_days(date(2026, 7, 11), 0, closed=CLOSED_2026) == date(2026, 7, 13)
    assert add_working_days(date(2026, 3, 18), 0, closed=CLOSED_2026) == date(2026, 3, 25)


def test_it_computes_the_sop24_completion_date_by_hand():
    # SOP#24, 14 working days from Monday 10 August 2026:
    # Tue 11 (1), Wed 12 (2), Thu 13 (3), Fri 14 (4), [Sat 15, Sun 16, Mon 17 Independence Day]
    # Tue 18 (5), Wed 19 (6), Thu 20 (7), Fri 21 (8), Mon 24 (9), [Tue 25 Maulid Nabi]
    # Wed 26 (10), Thu 27 (11), Fri 28 (12), Mon 31 (13), Tue 1 September (14)
    assert add_working_days(date(2026, 8, 10), 14, closed=CLOSED_2026) == date(2026, 9, 1)


def test_it_counts_the_working_days_of_a_return_across_a_weekend():
    # Returned Thursday 9 July, resubmitted Tuesday 14 July: Fri 10, Mon 13, Tue 14
    assert working_days_between(date(2026, 7, 9), date(2026, 7, 14), closed=CLOSED_2026) == 3


def test_it_counts_no_working_days_for_a_return_within_a_weekend_or_day():
    assert working_days_between(date(2026, 7, 10), date(2026, 7, 12), closed=CLOSED_2026) == 0
    assert working_days_between(date(2026, 7, 9), date(2026, 7, 9), closed=CLOSED_2026) == 0
    assert working_days_between(date(2026, 7, 14), date(2026, 7, 9), closed=CLOSED_2026) == 0


def test_it_extends_the_sop24_date_by_the_working_days_spent_returned():
    # Returned Thu 13 August, resubmitted Wed 19 August: Fri 14, Tue 18, Wed 19 (Mon 17 closed)
    paused = working_days_between(date(2026, 8, 13), date(2026, 8, 19), closed=CLOSED_2026)
    assert paused == 3
    # 1 September (14) + Wed 2 (15), Thu 3 (16), Fri 4 (17)
    due = add_working_days(date(2026, 8, 10), 14 + paused, closed=CLOSED_2026)
    assert due == date(2026, 9, 4)


def test_it_uses_any_container_of_closed_days():
    closed = frozenset({date(2026, 7, 10)})
    assert add_working_days(date(2026, 7, 9), 1, closed=closed) == date(2026, 7, 13)


def test_it_refuses_a_negative_number_of_days():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 7, 9), -1, closed=CLOSED_2026)


def test_it_merges_several_years_of_national_closures():
    closures = national_closures([2026, 2027])
    assert date(2026, 12, 25) in closures
    assert date(2027, 1, 1) in closures


def test_it_hands_out_copies_of_the_cached_closures():
    national_closures([2026]).clear()
    assert date(2026, 8, 17) in national_closures([2026])
