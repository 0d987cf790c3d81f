"""The header's Inbox and Notifications numbers: right for every role held, in one query."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.accounts.models import Role, UnitRole
from loket.requests import workflow

pytestmark = pytest.mark.django_db


def header_numbers(client, path="/riwayat/") -> tuple[str | None, str | None]:
    page = client.get(path).content.decode()
    inbox = re.search(r'aria-label="(\d+) menunggu">', page)
    unread = re.search(r'aria-label="(\d+) belum dibaca">', page)
    return (inbox and inbox.group(1), unread and unread.group(1))


def test_the_inbox_number_counts_what_waits_in_each_role(client, unit, submitted, unit_admin):
    client.force_login(unit_admin)
    assert header_numbers(client)[0] == "1"  # one to verify
    workflow.verify(submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    workflow.forward(submitted, by=unit_admin)
    assert header_numbers(client)[0] == "0"  # with the Director now
    UnitRole.objects.create(user=unit_admin, unit=unit, role=Role.DIRECTOR)
    assert header_numbers(client)[0] == "1"  # and here again, as the Director


def test_a_requester_has_no_inbox_only_notifications(client, submitted):
    client.force_login(submitted.requester)
    assert header_numbers(client) == (None, "1")


def test_both_numbers_cost_one_query(client, submitted, unit_admin):
    client.force_login(unit_admin)
    with CaptureQueriesContext(connection) as page:
        client.get("/riwayat/")
    header = [q["sql"] for q in page.captured_queries if "notifications_message" in q["sql"]]
    assert len(header) == 1
    assert "requests_servicerequest" in header[0] and "complaints_complaint" in header[0]


def test_people_with_the_same_roles_elsewhere_get_their_own_numbers(
    client, submitted, unit_admin, unit_admin_other_unit, requester
):
    # Both are the Admin Unit of one unit: the header's query is made once for that shape
    # and run with each person's own ids.
    client.force_login(unit_admin)
    assert header_numbers(client)[0] == "1"
    client.force_login(unit_admin_other_unit)
    assert header_numbers(client)[0] == "0"
    client.force_login(unit_admin)
    assert header_numbers(client)[0] == "1"
