"""Notifikasi through the API: the caller's own in-portal messages, and marking them read."""

from http import HTTPStatus

import pytest

from loket.notifications.models import Message
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(upgrade_service, requester, application):
    return factories.submit(upgrade_service, requester, application=application)


def test_the_caller_reads_and_marks_their_own_messages(api, unit_admin, director, submitted):
    mine = Message.objects.inbox_of(unit_admin)
    assert mine.exists()  # the Admin Unit is told of a new request in the portal
    admin = api(unit_admin)
    listed = admin.get("/notifications", {"unread": True}).json()
    assert {m["id"] for m in listed} == set(mine.values_list("pk", flat=True))
    assert listed[0]["ticket"] == submitted.ticket and listed[0]["read_at"] is None

    first = listed[0]["id"]
    assert api(director).post(f"/notifications/{first}/read").status_code == HTTPStatus.NOT_FOUND
    read = admin.post(f"/notifications/{first}/read").json()
    assert read["read_at"] is not None
    marked = admin.post("/notifications/read").json()["marked"]
    assert marked == len(listed) - 1
    assert admin.get("/notifications", {"unread": True}).json() == []
