"""Due dates follow the unit's working calendar, and a return pauses the clock.

Fixed dates in 2026. Indonesian closures that year (the `holidays` package, public and
government categories): 16–17 Feb (Imlek + cuti bersama), 18–24 Mar (Nyepi, Idul Fitri and
cuti bersama), 17 Aug (independence day, a Monday).
"""

import datetime
import zoneinfo

import pytest
import time_machine

from loket.catalog.tests.factories import ServiceFactory, StandardRevisionFactory
from loket.requests import workflow
from loket.requests.tests import factories
from loket.workdays.models import Closure

pytestmark = pytest.mark.django_db
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def service_of(unit, days: int):
    service = ServiceFactory(unit=unit, revision=None)
    StandardRevisionFactory(service=service, completion_days=days)
    return service


def filed_on(day: datetime.date, service, requester):
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 9, tzinfo=WIB)):
        return factories.submit(service, requester)


def test_it_skips_a_weekend(unit, requester):
    # Thursday 5 Nov + 3 working days: Fri 6, Mon 9, Tue 10.
    req = filed_on(datetime.date(2026, 11, 5), service_of(unit, 3), requester)
    assert req.due_date == datetime.date(2026, 11, 10)


def test_it_skips_a_national_holiday(unit, requester):
    # Friday 14 Aug + 2: Mon 17 Aug is Hari Kemerdekaan, so Tue 18, Wed 19.
    req = filed_on(datetime.date(2026, 8, 14), service_of(unit, 2), requester)
    assert req.due_date == datetime.date(2026, 8, 19)


def test_it_skips_collective_leave(unit, requester):
    # Tuesday 17 Mar + 1: 18–24 Mar are Nyepi, Idul Fitri and cuti bersama, so Wed 25 Mar.
    req = filed_on(datetime.date(2026, 3, 17), service_of(unit, 1), requester)
    assert req.due_date == datetime.date(2026, 3, 25)


def test_it_skips_a_closure_the_unit_entered(unit, requester):
    Closure.objects.create(
        unit=unit,
        start_date=datetime.date(2026, 11, 9),
        end_date=datetime.date(2026, 11, 10),
        reason_id="Dies Natalis",
    )
    # Thursday 5 Nov + 3: Fri 6, (Mon 9, Tue 10 closed), Wed 11, Thu 12.
    req = filed_on(datetime.date(2026, 11, 5), service_of(unit, 3), requester)
    assert req.due_date == datetime.date(2026, 11, 12)


def test_sop24_fourteen_working_days(unit, requester):
    # Monday 2 Nov + 14: 3–6 (4), 9–13 (9), 16–20 (14) → Friday 20 Nov.
    req = filed_on(datetime.date(2026, 11, 2), service_of(unit, 14), requester)
    assert req.due_date == datetime.date(2026, 11, 20)


def test_a_return_period_does_not_count(unit, requester, unit_admin):
    service = service_of(unit, 3)
    req = filed_on(datetime.date(2026, 11, 5), service, requester)  # due Tue 10 Nov
    with time_machine.travel(datetime.datetime(2026, 11, 6, 10, tzinfo=WIB)):
        workflow.return_for_revision(req, by=unit_admin, failed_rules=[], reason="Belum distempel")
    with time_machine.travel(datetime.datetime(2026, 11, 10, 10, tzinfo=WIB)):
        # Returned on Fri 6, back on Tue 10: Mon 9 and Tue 10 were the requester's (2 days).
        req = workflow.resubmit(req, by=requester, details=factories.details())
    assert req.due_date == datetime.date(2026, 11, 12)
