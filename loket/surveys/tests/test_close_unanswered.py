"""Ditutup: after the questionnaire, or automatically after LOKET_AUTO_CLOSE_DAYS."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from loket.requests import workflow
from loket.requests.models import Status
from loket.surveys.tests import factories

pytestmark = pytest.mark.django_db


def close_unanswered(*args) -> str:
    out = StringIO()
    call_command("close_unanswered", *args, stdout=out)
    return out.getvalue()


def test_the_table_says_the_requester_closes_a_completed_request(completed, requester, staff):
    assert workflow.TRANSITIONS["close"] == (
        frozenset({Status.COMPLETED}),
        Status.CLOSED,
        workflow.REQUESTER,
    )
    assert "close" in workflow.available_actions(completed, requester)
    assert "close" not in workflow.available_actions(completed, staff)


@pytest.mark.parametrize("persona", ["other_requester", "unit_admin", "director", "staff"])
def test_no_one_else_closes_it(request, completed, persona):
    with pytest.raises(PermissionDenied):
        workflow.close(completed, by=request.getfixturevalue(persona), reason="answered")
    completed.refresh_from_db()
    assert completed.status == Status.COMPLETED


def test_only_a_completed_request_closes(in_progress):
    with pytest.raises(workflow.TransitionError):
        workflow.close(in_progress, by=None, reason="unanswered")


def test_the_reason_is_one_of_two(completed):
    with pytest.raises(ValueError):
        workflow.close(completed, by=None, reason="bored")


@override_settings(LOKET_AUTO_CLOSE_DAYS=14)
def test_unanswered_requests_close_after_the_configured_days(completed):
    with time_machine.travel(completed.completed_at + datetime.timedelta(days=13, hours=23)):
        assert "Closed 0" in close_unanswered()
    completed.refresh_from_db()
    assert completed.status == Status.COMPLETED

    with time_machine.travel(completed.completed_at + datetime.timedelta(days=14, minutes=1)):
        assert "Closed 1" in close_unanswered()
        assert "Closed 0" in close_unanswered()  # idempotent
    completed.refresh_from_db()
    assert completed.status == Status.CLOSED
    close = completed.events.last()
    assert (close.action, close.actor, close.data) == ("close", None, {"reason": "unanswered"})
    assert completed.events.filter(action="close").count() == 1


@override_settings(LOKET_AUTO_CLOSE_DAYS=3)
def test_answered_and_other_requests_are_left_alone(
    upgrade_service, application, requester, unit_admin, director, staff, in_progress
):
    people = {"unit_admin": unit_admin, "director": director, "staff": staff}
    answered = factories.completed_request(
        upgrade_service, requester, application=application, **people
    )
    factories.answered(answered)
    waiting = factories.completed_request(
        upgrade_service, requester, application=application, **people
    )
    with time_machine.travel(timezone.now() + datetime.timedelta(days=4)):
        assert "1 completed request(s) would be closed" in close_unanswered("--dry-run")
        assert "Closed 1" in close_unanswered()
    answered.refresh_from_db(), waiting.refresh_from_db(), in_progress.refresh_from_db()
    assert answered.events.filter(action="close").get().data == {"reason": "answered"}
    assert waiting.status == Status.CLOSED
    assert in_progress.status == Status.IN_PROGRESS


def test_a_closed_request_shows_closed_on_its_page(client, completed, requester):
    workflow.close(completed, by=None, reason="unanswered")
    client.force_login(requester)
    page = client.get(completed.get_absolute_url()).content.decode()
    assert "Ditutup" in page
    assert "/kuesioner/" not in page
