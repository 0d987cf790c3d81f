"""The complaint's path through its statuses, and what each step refuses."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from loket.accounts.models import Role
from loket.accounts.tests.factories import person_with_role
from loket.complaints import workflow
from loket.complaints.models import Event, Status
from loket.requests.tests import factories as request_factories

from .conftest import file_complaint

WIB = datetime.timezone(datetime.timedelta(hours=7))


def test_a_complaint_gets_its_own_ticket_series(service, requester):
    first = file_complaint(service, requester)
    second = file_complaint(service, requester)
    year = first.submitted_at.year
    assert first.ticket == f"K-DTIK-{year}-000001"
    assert second.ticket == f"K-DTIK-{year}-000002"
    assert first.status == Status.RECEIVED


def test_the_whole_path_with_a_reopen(received, unit_admin, staff, requester):
    workflow.verify(received, by=unit_admin)
    workflow.assign(received, by=unit_admin, staff=staff, note="Periksa.")
    workflow.answer(received, by=staff, text="Sudah diperbaiki.")
    received.refresh_from_db()
    assert received.status == Status.ANSWERED and received.answered_on_time is True
    assert workflow.available_actions(received, requester) == ["reopen", "confirm"]
    workflow.reopen(received, by=requester, reason="Masih terjadi kemarin.")
    received.refresh_from_db()
    assert received.status == Status.IN_FOLLOW_UP
    workflow.answer(received, by=staff, text="Kini benar-benar diperbaiki.")
    workflow.confirm(received, by=requester)
    received.refresh_from_db()
    assert received.status == Status.RESOLVED
    assert received.answer == "Kini benar-benar diperbaiki."
    actions = list(received.events.values_list("action", flat=True))
    assert actions == ["submit", "verify", "assign", "answer", "reopen", "answer", "confirm"]


def test_a_second_click_loses_with_a_clear_message(received, unit_admin):
    workflow.verify(received, by=unit_admin)
    with pytest.raises(workflow.TransitionError, match="Diverifikasi"):
        workflow.reject(received, by=unit_admin, reason="Duplikat.")
    assert received.events.count() == 2


def test_not_our_remit_names_another_unit(received, unit_admin, other_unit, unit):
    with pytest.raises(workflow.TransitionError):
        workflow.not_our_remit(received, by=unit_admin, unit=unit)
    workflow.not_our_remit(received, by=unit_admin, unit=other_unit, note="Urusan perpustakaan.")
    received.refresh_from_db()
    assert received.status == Status.NOT_OUR_REMIT and received.referred_unit == other_unit


def test_reject_needs_a_reason(received, unit_admin):
    with pytest.raises(workflow.TransitionError):
        workflow.reject(received, by=unit_admin, reason="  ")
    received.refresh_from_db()
    assert received.status == Status.RECEIVED


def test_only_the_units_staff_can_be_assigned(verified, unit_admin, other_unit):
    outsider = person_with_role("stafperpus", Role.STAFF, other_unit, totp=False)
    with pytest.raises(workflow.TransitionError):
        workflow.assign(verified, by=unit_admin, staff=outsider)


def test_who_may_take_which_action(received, requester, staff, director, unit_admin):
    for person in (requester, staff, director):
        with pytest.raises(PermissionDenied):
            workflow.verify(received, by=person)
    workflow.verify(received, by=unit_admin)
    # Staff answer only what is assigned to them; the Admin Unit may answer itself.
    with pytest.raises(PermissionDenied):
        workflow.answer(received, by=staff, text="Jawaban.")
    workflow.answer(received, by=unit_admin, text="Jawaban langsung.")


def test_the_deadline_is_extended_once_with_a_reason(verified, unit_admin):
    before = verified.answer_due
    with pytest.raises(workflow.TransitionError):
        workflow.extend(verified, by=unit_admin, reason="")
    workflow.extend(verified, by=unit_admin, reason="Menunggu vendor.")
    verified.refresh_from_db()
    assert verified.answer_due > before and verified.extended
    assert "extend" not in workflow.available_actions(verified, unit_admin)
    with pytest.raises(workflow.TransitionError, match="sekali"):
        workflow.extend(verified, by=unit_admin, reason="Lagi.")


def test_the_reopening_window_closes(answered, requester):
    later = answered.answered_at + datetime.timedelta(days=8)
    with time_machine.travel(later):
        assert workflow.available_actions(answered, requester) == ["confirm"]
        with pytest.raises(workflow.TransitionError):
            workflow.reopen(answered, by=requester, reason="Masih.")


def test_a_complaint_may_be_about_only_the_complainants_own_request(
    service, requester, other_requester
):
    mine = request_factories.submit(service, requester)
    theirs = request_factories.submit(service, other_requester)
    complaint = file_complaint(service, requester, related_request=mine)
    assert complaint.related_request == mine
    with pytest.raises(workflow.TransitionError):
        file_complaint(service, requester, related_request=theirs)


def test_events_are_never_edited(received):
    event = received.events.get()
    event.note = "ubah"
    with pytest.raises(ValueError):
        event.save()
    assert Event.objects.get(pk=event.pk).note == ""


def test_filed_on_a_weekend_counts_from_monday(service, requester):
    with time_machine.travel(datetime.datetime(2026, 11, 7, 10, tzinfo=WIB)):  # a Saturday
        complaint = file_complaint(service, requester)
    assert complaint.verify_due == datetime.date(2026, 11, 12)  # Mon + 3 working days: Thu
