"""A fixed set of requests at every step of SOP#24, filed and moved on fixed days of 2026.

Today is Wednesday 25 November 2026. The unit is closed on Thursday 19 November (a closure it
entered); November 2026 has no national holiday.
"""

import datetime
import importlib
import zoneinfo

import pytest
import time_machine
from django.apps import apps

from loket.accounts.models import Role
from loket.accounts.tests.factories import person_with_role
from loket.catalog.tests.factories import ServiceFactory, StandardRevisionFactory
from loket.requests import workflow
from loket.requests.tests import factories
from loket.surveys import workflow as surveys_workflow
from loket.surveys.models import Element
from loket.workdays.models import Closure

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
TODAY = datetime.date(2026, 11, 25)
SEED = importlib.import_module("loket.surveys.migrations.0002_the_nine_elements")


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB)


def nov(day: int) -> datetime.date:
    return datetime.date(2026, 11, day)


def service_of(unit, days: int, name: str, english: str = ""):
    service = ServiceFactory(unit=unit, revision=None, name_id=name, name_en=english or name)
    StandardRevisionFactory(service=service, completion_days=days)
    return service


@pytest.fixture
def today():
    with time_machine.travel(at(TODAY, 10), tick=False):
        yield TODAY


@pytest.fixture
def second_staff(unit):
    return person_with_role("staf2", Role.STAFF, unit, totp=False)


class Steps:
    """Moves a request on, each step on its own day."""

    def __init__(self, people) -> None:
        self.people = people

    def file(self, service, day: datetime.date, subject: str = "Penambahan modul laporan"):
        with time_machine.travel(at(day), tick=False):
            return factories.submit(service, self.people["requester"], subject=subject)

    def verify(self, req, day):
        with time_machine.travel(at(day, 10), tick=False):
            checklist = dict.fromkeys(workflow.CHECKLIST, True)
            return workflow.verify(req, by=self.people["unit_admin"], checklist=checklist)

    def forward(self, req, day):
        req = self.verify(req, day)
        with time_machine.travel(at(day, 11), tick=False):
            return workflow.forward(req, by=self.people["unit_admin"])

    def dispose(self, req, day, *staff):
        req = self.forward(req, day)
        with time_machine.travel(at(day, 12), tick=False):
            order = workflow.DispositionOrder(
                staff=list(staff),
                instructions=["follow_up"],
                urgency="normal",
                due_date=max(req.due_date, day),
            )
            workflow.dispose(req, by=self.people["director"], order=order)
        req.refresh_from_db()
        return req

    def start(self, req, day, *staff):
        req = self.dispose(req, day, *staff)
        with time_machine.travel(at(day, 13), tick=False):
            return workflow.start_work(req, by=staff[0])

    def complete(self, req, start_day, done_day, staff):
        req = self.start(req, start_day, staff)
        with time_machine.travel(at(done_day, 14), tick=False):
            return workflow.complete(req, by=staff, summary="Selesai.")


@pytest.fixture
def dataset(unit, other_unit, requester, unit_admin, director, staff, second_staff):
    """Requests of the unit (and two of another unit, which must never count)."""
    if Element.objects.count() != len(SEED.ELEMENTS):
        SEED.add_elements(apps, None)
    Closure.objects.create(unit=unit, start_date=nov(19), end_date=nov(19), reason_id="Dies")
    quick = service_of(unit, 2, "Reset Sandi", "Password Reset")
    normal = service_of(unit, 5, "Upgrade Aplikasi", "Application Upgrade")
    people = {"requester": requester, "unit_admin": unit_admin, "director": director}
    steps = Steps(people)
    r = {}
    r["today"] = steps.file(quick, nov(25))
    r["monday"] = steps.file(quick, nov(24))
    r["verified"] = steps.verify(steps.file(quick, nov(23)), nov(24))
    r["forwarded"] = steps.forward(steps.file(normal, nov(18)), nov(18))
    r["disposed"] = steps.dispose(steps.file(quick, nov(16)), nov(17), staff)
    r["in_progress"] = steps.start(steps.file(normal, nov(9)), nov(10), staff, second_staff)
    r["on_time"] = steps.complete(steps.file(normal, nov(2)), nov(3), nov(6), staff)
    r["late_closed"] = steps.complete(steps.file(quick, nov(3)), nov(4), nov(10), staff)
    with time_machine.travel(at(nov(11)), tick=False):
        answers = surveys_workflow.Answers(scores=(4, 4, 3, 4, 4, 3, 4, 4, 4))
        surveys_workflow.answer(r["late_closed"], by=requester, answers=answers)
    october = steps.file(normal, datetime.date(2026, 10, 27))
    r["late_from_october"] = steps.complete(october, nov(2), nov(12), staff)
    returned = steps.file(normal, nov(4))
    with time_machine.travel(at(nov(5)), tick=False):
        workflow.return_for_revision(returned, by=unit_admin, failed_rules=[], reason="Cap")
    r["returned"] = returned
    rejected = steps.file(normal, nov(5), subject='=HYPERLINK("http://x")')
    with time_machine.travel(at(nov(5), 10), tick=False):
        r["rejected"] = workflow.reject(rejected, by=unit_admin, reason="Bukan aplikasi kampus")
    cancelled = steps.file(normal, nov(6))
    with time_machine.travel(at(nov(6), 10), tick=False):
        r["cancelled"] = workflow.cancel(cancelled, by=requester)
    r["old_submitted"] = steps.file(quick, datetime.date(2026, 10, 20))
    r["september"] = steps.file(normal, datetime.date(2026, 9, 15))

    elsewhere = service_of(other_unit, 2, "Peminjaman Buku", "Book Loan")
    r["other_unit"] = steps.file(elsewhere, nov(24))
    r["other_unit_old"] = steps.file(elsewhere, datetime.date(2026, 10, 1))
    for req in r.values():
        req.refresh_from_db()
    return r
