"""Two clicks at the same moment on a complaint's button: exactly one wins, the other is told."""

import pytest

from loket.complaints import workflow
from loket.requests.tests.test_concurrency import race

from .conftest import file_complaint

pytestmark = pytest.mark.django_db(transaction=True)


def test_verify_and_reject_at_once_store_one(service, requester, unit_admin):
    for _round in range(3):
        complaint = file_complaint(service, requester)
        outcomes = race(lambda c=complaint: workflow.verify(c, by=unit_admin), times=4)
        assert outcomes.count("ok") == 1
        assert all("Diverifikasi" in o for o in outcomes if o != "ok")
        assert complaint.events.filter(action="verify").count() == 1


def test_two_answers_at_once_store_one(service, requester, unit_admin, staff):
    complaint = file_complaint(service, requester)
    workflow.verify(complaint, by=unit_admin)
    workflow.assign(complaint, by=unit_admin, staff=staff)
    outcomes = race(lambda: workflow.answer(complaint, by=staff, text="Jawaban."), times=4)
    assert outcomes.count("ok") == 1
    assert complaint.events.filter(action="answer").count() == 1


def test_new_complaints_at_once_get_distinct_tickets(service, requester):
    race(lambda: file_complaint(service, requester), times=4)
    tickets = list(requester.complaints.values_list("ticket", flat=True))
    assert len(tickets) == 4 and len(set(tickets)) == 4
