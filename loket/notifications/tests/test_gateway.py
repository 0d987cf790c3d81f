"""The generic gateway channel: plain text, field names and token from the settings."""

import pytest

from loket.notifications.models import Message, State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "id",
            "Permintaan {ticket}: Diajukan\n\nPermintaan Anda {ticket} untuk Layanan Upgrade "
            "Aplikasi telah diterima. Statusnya Diajukan.\n\n"
            "http://127.0.0.1:8000/permintaan/{ticket}/",
        ),
        (
            "en",
            "Request {ticket}: Submitted\n\nYour request {ticket} for Application Upgrade "
            "Service has been received. Its status is Submitted.\n\n"
            "http://127.0.0.1:8000/en/permintaan/{ticket}/",
        ),
    ],
)
def test_it_posts_the_text_with_the_configured_field_names(
    gateway, worker, submitted, language, text
):
    worker.drain()
    message = Message.objects.get(channel="whatsapp", recipient__username="pemohon")
    (seen,) = [s for s in gateway.seen if s.json["target"] == "+6281200000001"]
    assert seen.path == "/send"
    assert seen.headers["Authorization"] == "Bearer gateway-token"
    assert seen.headers["Idempotency-Key"] == str(message.key)
    assert seen.headers["Content-Type"] == "application/json"
    assert seen.json == {
        "target": "+6281200000001",
        "message": text.format(ticket=submitted.ticket),
        "ref": str(message.key),
    }
    message.refresh_from_db()
    assert message.state == State.SENT
    assert message.provider_id.startswith("gw-")


def test_a_token_can_travel_in_a_header_of_its_own(settings, gateway, worker, submitted):
    settings.NOTIFICATIONS.update(GATEWAY_AUTH_HEADER="X-Api-Key", GATEWAY_AUTH_SCHEME="")
    worker.drain()
    assert {seen.headers["X-Api-Key"] for seen in gateway.seen} == {"gateway-token"}
    assert all("Authorization" not in seen.headers for seen in gateway.seen)
