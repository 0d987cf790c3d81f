"""The Cloud API's status webhook: the verify handshake, signatures, and statuses that only
ever move forward."""

import hashlib
import hmac
import json
from http import HTTPStatus

import pytest

from loket.notifications.models import Message, State

from .conftest import APP_SECRET

pytestmark = pytest.mark.django_db
URL = "/webhooks/whatsapp/"


@pytest.fixture
def sent(cloud_api, worker, submitted) -> Message:
    worker.drain()
    return Message.objects.get(channel="whatsapp", recipient__username="pemohon")


def status(message: Message, state: str, timestamp: int = 1795000000, **extra) -> dict:
    item = {
        "id": message.provider_id,
        "status": state,
        "timestamp": str(timestamp),
        "recipient_id": message.address.lstrip("+"),
        **extra,
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"phone_number_id": "106540352242922"},
                            "statuses": [item],
                        },
                    }
                ],
            }
        ],
    }


def post(client, payload: dict, *, secret: str | None = APP_SECRET, signature: str | None = None):
    body = json.dumps(payload).encode()
    headers = {}
    if signature is not None:
        headers["HTTP_X_HUB_SIGNATURE_256"] = signature
    elif secret is not None:
        digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        headers["HTTP_X_HUB_SIGNATURE_256"] = f"sha256={digest}"
    return client.post(URL, body, content_type="application/json", **headers)


def test_it_answers_the_verify_handshake(client, cloud_api):
    query = {
        "hub.mode": "subscribe",
        "hub.verify_token": "verify-me",
        "hub.challenge": "1158201444",
    }
    response = client.get(URL, query)
    assert response.status_code == HTTPStatus.OK
    assert response.content == b"1158201444"


@pytest.mark.parametrize("token", ["wrong", ""])
def test_it_refuses_a_wrong_verify_token(client, cloud_api, token):
    query = {"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "1"}
    assert client.get(URL, query).status_code == HTTPStatus.FORBIDDEN


def test_a_valid_signature_records_delivery(client, sent):
    assert post(client, status(sent, "delivered")).status_code == HTTPStatus.OK
    sent.refresh_from_db()
    assert sent.state == State.DELIVERED
    assert sent.delivered_at.timestamp() == 1795000000


@pytest.mark.parametrize(
    "how",
    [
        {"secret": None},
        {"secret": "another-secret"},
        {"signature": "sha256=" + "0" * 64},
        {"signature": "sha1=abc"},
        {"signature": ""},
    ],
    ids=["missing", "other-secret", "forged", "wrong-scheme", "empty"],
)
def test_a_wrong_or_missing_signature_is_refused_and_changes_nothing(client, sent, how):
    before = Message.objects.values().get(pk=sent.pk)
    assert post(client, status(sent, "read"), **how).status_code == HTTPStatus.FORBIDDEN
    assert Message.objects.values().get(pk=sent.pk) == before


def test_without_an_app_secret_every_post_is_refused(settings, client, sent):
    settings.NOTIFICATIONS.update(APP_SECRET="")
    assert post(client, status(sent, "read"), secret="").status_code == HTTPStatus.FORBIDDEN
    sent.refresh_from_db()
    assert sent.state == State.SENT


def test_a_late_delivered_does_not_undo_read(client, sent):
    post(client, status(sent, "read", 1795000060))
    post(client, status(sent, "delivered", 1795000030))
    sent.refresh_from_db()
    assert sent.state == State.READ
    assert (sent.delivered_at.timestamp(), sent.read_at.timestamp()) == (1795000030, 1795000060)


def test_a_repeated_event_changes_nothing(client, sent):
    post(client, status(sent, "delivered", 1795000030))
    post(client, status(sent, "delivered", 1795000099))
    sent.refresh_from_db()
    assert (sent.state, sent.delivered_at.timestamp()) == (State.DELIVERED, 1795000030)


def test_a_failure_after_sending_falls_back_to_email(client, sent):
    from loket.notifications.models import Preference

    Preference.objects.create(user=sent.recipient, by_email=False)
    Message.objects.filter(channel="email", recipient=sent.recipient).delete()
    errors = [{"code": 131026, "title": "Message undeliverable"}]
    post(client, status(sent, "failed", errors=errors))
    sent.refresh_from_db()
    assert sent.state == State.FAILED
    assert sent.last_error == "131026: Message undeliverable"
    assert sent.fallback.channel == "email"
    assert sent.fallback.state == State.QUEUED


def test_a_status_finds_a_message_whose_id_the_worker_never_stored(client, sent):
    """The worker died between Meta's answer and its own commit: our id comes back."""
    key = str(sent.key)
    Message.objects.filter(pk=sent.pk).update(provider_id="", state=State.SENDING)
    payload = status(sent, "sent", biz_opaque_callback_data=key)
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["id"] = "wamid.LOST"
    post(client, payload)
    sent.refresh_from_db()
    assert (sent.state, sent.provider_id) == (State.SENT, "wamid.LOST")


def test_statuses_of_messages_not_ours_are_ignored(client, sent):
    payload = status(sent, "read")
    payload["entry"][0]["changes"][0]["value"]["statuses"][0]["id"] = "wamid.SOMEONE_ELSE"
    assert post(client, payload).status_code == HTTPStatus.OK
    sent.refresh_from_db()
    assert sent.state == State.SENT
