"""The daily roll-up: reports over years read a row per service and month for ended months,
with the same figures as reading every answer and request, and the months since live."""

import datetime
import random
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from loket.catalog.tests.factories import ServiceFactory
from loket.requests.models import ServiceRequest
from loket.requests.tests.factories import submit
from loket.surveys import periods, reports, rollup
from loket.surveys.models import MonthlyFigures, Response
from loket.surveys.tests import factories

pytestmark = pytest.mark.django_db
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
TODAY = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=JAKARTA)
PERIODS = ["2026", "2025", "2026-Q4", "2026-Q3", "2026-11", "2026-10", "2024-S2", "2023-01"]


def figures(scope) -> dict:
    """Everything a report shows in numbers, for several periods."""
    shown = {}
    for key in PERIODS:
        built = reports.build(scope, periods.parse(key))
        shown[key] = (
            built.summary,
            built.trend,
            sorted(built.breakdown, key=lambda row: row.label),
        )
    return shown


@pytest.fixture
def history(unit, other_unit, requester):
    """Three years of answers and completed requests over three services of two units, some
    on the last evening of a month (still that month in Jakarta, the next one in UTC)."""
    chance = random.Random(24)
    services = [
        ServiceFactory(unit=unit),
        ServiceFactory(unit=unit),
        ServiceFactory(unit=other_unit),
    ]
    completed = []
    for month in range(36):
        year, month_number = 2023 + month // 12, month % 12 + 1
        for service in services:
            for _ in range(chance.randint(0, 3)):
                day = chance.randint(1, 28)
                when = datetime.datetime(year, month_number, day, 10, tzinfo=JAKARTA)
                scores = tuple(chance.randint(1, 4) for _n in range(9))
                factories.response_row(service, when, scores)
            if chance.random() < 0.6:
                completed.append(
                    (service, datetime.datetime(year, month_number, 1, 9, tzinfo=JAKARTA))
                )
    last_evening = datetime.datetime(2026, 9, 30, 23, 30, tzinfo=JAKARTA)
    factories.response_row(services[0], last_evening, (4,) * 9)
    completed.append((services[1], last_evening))
    completed.append((services[0], TODAY - datetime.timedelta(days=1)))  # this month: live
    for service, when in completed:
        req = submit(service, requester)
        ServiceRequest.objects.filter(pk=req.pk).update(completed_at=when)
    return services


def test_rolled_up_reports_show_exactly_what_the_live_ones_do(history, unit):
    scopes = [reports.Scope(unit), reports.Scope(), reports.Scope(unit, history[1])]
    with time_machine.travel(TODAY, tick=False):
        live = [figures(scope) for scope in scopes]
        assert rollup.roll_up() > 0
        assert rollup.through() == datetime.date(2026, 11, 1)
        assert [figures(scope) for scope in scopes] == live


def test_reports_read_ended_months_from_the_roll_up_and_this_month_live(history, unit):
    with time_machine.travel(TODAY, tick=False):
        rollup.roll_up()
        before = reports.build(reports.Scope(unit), periods.parse("2026"))
        # The answers of ended months are no longer read: the roll-up stands for them ...
        Response.objects.filter(month__lt=datetime.date(2026, 11, 1)).delete()
        assert reports.build(reports.Scope(unit), periods.parse("2026")).summary == before.summary
        # ... while this month's are.
        factories.response_row(history[0], TODAY, (1,) * 9)
        after = reports.build(reports.Scope(unit), periods.parse("2026"))
        assert after.summary.result.respondents == before.summary.result.respondents + 1


def test_the_next_run_counts_an_ended_month_again(history, unit):
    with time_machine.travel(TODAY, tick=False):
        rollup.roll_up()
        september = periods.parse("2026-09")
        counted = reports.build(reports.Scope(unit), september).summary.population
        # Say the requests were taken back to work: September's completions are gone.
        september_requests = ServiceRequest.objects.filter(
            unit=unit, completed_at__gte=datetime.datetime(2026, 9, 1, tzinfo=JAKARTA)
        ).filter(completed_at__lt=datetime.datetime(2026, 10, 1, tzinfo=JAKARTA))
        assert september_requests.update(completed_at=None) == counted > 0
        assert reports.build(reports.Scope(unit), september).summary.population == counted
        rollup.roll_up()
        assert reports.build(reports.Scope(unit), september).summary.population == 0


def test_the_command_says_how_far_the_roll_up_reaches(history, capsys):
    with time_machine.travel(TODAY, tick=False):
        call_command("roll_up_skm")
    assert "every month before 2026-11-01" in capsys.readouterr().out
    assert MonthlyFigures.objects.filter(month__gte=datetime.date(2026, 11, 1)).count() == 0
