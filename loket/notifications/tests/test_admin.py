"""The Admin Panel: the rules table for superadmins; messages, failures and retries per unit;
what the record backend kept."""

from http import HTTPStatus

import pytest

from loket.notifications.models import Message, State
from loket.notifications.stand_in import cloud_error

pytestmark = pytest.mark.django_db
MESSAGES = "/admin/notifications/message/"


@pytest.fixture
def failed(cloud_api, worker, submitted) -> Message:
    cloud_api.reply(cloud_error(132001))
    worker.drain()
    return Message.objects.get(state=State.FAILED)


def test_superadmins_edit_who_is_told_what(client, superadmin):
    client.force_login(superadmin)
    page = client.get("/admin/notifications/rule/").content.decode()
    assert "Direktur" in page and "Terlambat" in page


@pytest.mark.parametrize("persona", ["unit_admin", "director", "staff", "requester"])
def test_nobody_else_edits_the_rules(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/admin/notifications/rule/").status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("superadmin", True),
        ("unit_admin", True),
        ("director", True),
        ("unit_admin_other_unit", False),
    ],
)
def test_a_failed_message_is_shown_to_its_units_people(client, request, failed, persona, sees):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(MESSAGES, {"state__exact": "failed"}).content.decode()
    assert (f"/admin/notifications/message/{failed.pk}/change/" in page) is sees


def test_the_unit_admin_sends_a_failed_message_again(client, unit_admin, failed, worker):
    client.force_login(unit_admin)
    response = client.post(MESSAGES, {"action": "retry", "_selected_action": [failed.pk]})
    assert response.status_code == HTTPStatus.FOUND
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (State.QUEUED, 0)
    worker.drain()
    failed.refresh_from_db()
    assert failed.state == State.SENT


def test_another_units_admin_cannot_retry_it(client, unit_admin_other_unit, failed):
    client.force_login(unit_admin_other_unit)
    client.post(MESSAGES, {"action": "retry", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert failed.state == State.FAILED


def test_the_director_may_look_but_not_retry(client, director, failed):
    client.force_login(director)
    client.post(MESSAGES, {"action": "retry", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert failed.state == State.FAILED


def test_the_record_backend_shows_what_would_have_been_sent(client, superadmin, submitted, worker):
    worker.drain()  # WHATSAPP_BACKEND=record, the default
    recorded = Message.objects.get(channel="whatsapp", recipient__username="pemohon")
    assert recorded.state == State.SENT
    assert recorded.recorded["cloud_api"]["template"]["name"] == "loket_submitted_requester"
    client.force_login(superadmin)
    listing = client.get("/admin/notifications/recordedmessage/").content.decode()
    assert "+6281200000001" in listing
    detail = client.get(f"/admin/notifications/recordedmessage/{recorded.pk}/change/")
    assert "loket_submitted_requester" in detail.content.decode()
