"""The daily overdue check tells the Direktur once per overdue request."""

import datetime

import pytest
from django.core.management import call_command

from loket.notifications.models import Message
from loket.notifications.overdue import alert_overdue

pytestmark = pytest.mark.django_db


def test_it_tells_the_director_once(submitted, time_machine):
    day_after = submitted.due_date + datetime.timedelta(days=1)
    assert alert_overdue(today=submitted.due_date) == []
    assert alert_overdue(today=day_after) == [submitted]
    assert alert_overdue(today=day_after + datetime.timedelta(days=3)) == []
    told = Message.objects.filter(trigger="overdue")
    assert {(m.recipient.username, m.channel) for m in told} == {
        ("direktur", "inbox"),
        ("direktur", "whatsapp"),
        ("direktur", "email"),
    }


def test_a_finished_request_is_not_overdue(submitted, unit_admin):
    from loket.requests import workflow

    workflow.reject(submitted, by=unit_admin, reason="Bukan aplikasi UPT TIK.")
    assert alert_overdue(today=submitted.due_date + datetime.timedelta(days=30)) == []


def test_the_command_reports_what_it_did(submitted, time_machine, capsys):
    time_machine.move_to(
        datetime.datetime.combine(
            submitted.due_date + datetime.timedelta(days=2), datetime.time(9), datetime.UTC
        )
    )
    call_command("alert_overdue")
    assert f"1 overdue request(s) reported.\n  {submitted.ticket}" in capsys.readouterr().out
