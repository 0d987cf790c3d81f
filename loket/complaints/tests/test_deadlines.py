"""Acceptance 3: deadlines in the unit's working days across Nyepi and Idul Fitri 2026, the one
extension, and the escalation of overdue complaints to the Direktur, all on fixed dates."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from loket.complaints import workflow
from loket.complaints.escalation import escalate_overdue, resolve_unreopened
from loket.complaints.models import Complaint, Status, UnitSettings
from loket.notifications.models import Message
from loket.workdays.models import Closure

from .conftest import file_complaint

pytestmark = pytest.mark.django_db
WIB = datetime.timezone(datetime.timedelta(hours=7))


def at(day: datetime.date, hour: int = 9):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, hour, tzinfo=WIB))


@pytest.fixture
def before_the_holidays(service, requester, unit_admin, director):
    # Monday 16 March 2026; closed Wed 18 – Tue 24 March (Nyepi, Idul Fitri and cuti bersama).
    with at(datetime.date(2026, 3, 16)):
        return file_complaint(service, requester)


def test_deadlines_skip_the_holidays(before_the_holidays):
    complaint = before_the_holidays
    # Verify in 3: Tue 17, (closed to 24), Wed 25, Thu 26.
    assert complaint.verify_due == datetime.date(2026, 3, 26)
    # Answer in 10: 17, 25, 26, 27, 30, 31 Mar, 1, 2 Apr, (Good Friday 3 Apr), 6, 7 Apr.
    assert complaint.answer_due == datetime.date(2026, 4, 7)


def test_a_units_own_closure_and_settings_count(service, requester, unit):
    Closure.objects.create(
        unit=unit,
        start_date=datetime.date(2026, 3, 17),
        end_date=datetime.date(2026, 3, 17),
        reason_id="Rapat kerja",
    )
    UnitSettings.objects.create(unit=unit, verify_days=1, answer_days=5)
    with at(datetime.date(2026, 3, 16)):
        complaint = file_complaint(service, requester)
    assert complaint.verify_due == datetime.date(2026, 3, 25)
    assert complaint.answer_due == datetime.date(2026, 3, 31)


def test_the_extension_counts_working_days_too(before_the_holidays, unit_admin):
    with at(datetime.date(2026, 3, 25)):
        workflow.verify(before_the_holidays, by=unit_admin)
        workflow.extend(before_the_holidays, by=unit_admin, reason="Menunggu data vendor.")
    before_the_holidays.refresh_from_db()
    # 7 more from Tue 7 April: 8, 9, 10, 13, 14, 15, 16.
    assert before_the_holidays.answer_due == datetime.date(2026, 4, 16)


def test_the_complainant_sees_the_deadlines(client, before_the_holidays, requester):
    client.force_login(requester)
    page = client.get(before_the_holidays.get_absolute_url()).content.decode()
    assert "26 Mar 2026" in page and "7 Apr 2026" in page


def test_an_overdue_complaint_is_escalated_once_per_deadline(
    before_the_holidays, unit_admin, director
):
    complaint = before_the_holidays
    with at(datetime.date(2026, 3, 26)):
        assert escalate_overdue() == []  # due today is not late
    with at(datetime.date(2026, 3, 27)):
        assert [c.pk for c in escalate_overdue()] == [complaint.pk]
        assert escalate_overdue() == []  # a second run tells nobody again
    told = Message.objects.filter(complaint=complaint, recipient=director, channel="inbox")
    assert told.count() == 1
    assert "terlambat" in told.get().body and "26 Maret 2026" in told.get().body
    assert told.get().link.endswith(complaint.get_absolute_url())
    assert complaint.events.filter(action="escalate").count() == 1

    # Verified late; the answer is due 7 April and missed, so it goes up again, once.
    with at(datetime.date(2026, 3, 27)):
        workflow.verify(complaint, by=unit_admin)
    with at(datetime.date(2026, 4, 8)):
        assert len(escalate_overdue()) == 1
        assert escalate_overdue() == []
    assert complaint.events.filter(action="escalate").count() == 2


def test_the_directors_inbox_shows_overdue_complaints(client, before_the_holidays, director):
    client.force_login(director)
    with at(datetime.date(2026, 3, 26)):
        assert before_the_holidays.ticket not in client.get("/kotak-masuk/").content.decode()
    with at(datetime.date(2026, 3, 27)):
        assert before_the_holidays.ticket in client.get("/kotak-masuk/").content.decode()


def test_the_command_escalates_and_resolves(before_the_holidays, unit_admin, staff):
    with at(datetime.date(2026, 3, 25)):
        workflow.verify(before_the_holidays, by=unit_admin)
        workflow.answer(before_the_holidays, by=unit_admin, text="Sudah dijawab.")
    with at(datetime.date(2026, 4, 1)):  # within the 7 days to reopen
        out = StringIO()
        call_command("escalate_complaints", stdout=out)
        assert "0 answered complaint(s) resolved" in out.getvalue()
    with at(datetime.date(2026, 4, 2)):
        assert [c.pk for c in resolve_unreopened()] == [before_the_holidays.pk]
    complaint = Complaint.objects.get()
    assert complaint.status == Status.RESOLVED
    assert complaint.events.last().actor is None


def test_answered_on_time_is_measured_against_the_deadline(before_the_holidays, unit_admin):
    with at(datetime.date(2026, 3, 25)):
        workflow.verify(before_the_holidays, by=unit_admin)
    with at(datetime.date(2026, 4, 8)):
        workflow.answer(before_the_holidays, by=unit_admin, text="Maaf terlambat.")
    before_the_holidays.refresh_from_db()
    assert before_the_holidays.answered_on_time is False
