"""Delivery status from the Cloud API's webhooks: signed, and never moving a message back.

Meta does not promise order ("delivered" may come after "read", "failed" after "sent", and the
same event twice), so each status only ever raises a message's rank and fills its own time once.
"""

import datetime
import hashlib
import hmac
import uuid

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import ChannelKind, Message, State
from .outbox import fallback_email

RANK = {
    State.QUEUED: 0,
    State.SENDING: 0,
    State.SENT: 1,
    State.FAILED: 2,
    State.DELIVERED: 3,  # it reached a device after all: stronger than an earlier "failed"
    State.READ: 4,
}
TIME_FIELD = {
    State.SENT: "sent_at",
    State.DELIVERED: "delivered_at",
    State.READ: "read_at",
    State.FAILED: "failed_at",
}


def signature_is_valid(body: bytes, header: str, secret: str) -> bool:
    """X-Hub-Signature-256: "sha256=" + HMAC-SHA256 of the raw body with the app secret."""
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256="))


def statuses(payload: dict) -> list[dict]:
    """The status items of a webhook delivery (its incoming messages are not ours to read)."""
    found = []
    for entry in payload.get("entry") or []:
        for change in entry.get("changes") or []:
            found += (change.get("value") or {}).get("statuses") or []
    return [item for item in found if isinstance(item, dict)]


@transaction.atomic
def record(item: dict) -> Message | None:
    """Apply one status to its message; None when it is not one of ours or not a status."""
    state = item.get("status")
    message = _find(item)
    if state not in TIME_FIELD or message is None:
        return None
    changed = []
    field = TIME_FIELD[state]
    if getattr(message, field) is None:
        setattr(message, field, _when(item.get("timestamp")))
        changed.append(field)
    if not message.provider_id and item.get("id"):
        message.provider_id = str(item["id"])[:200]
        changed.append("provider_id")
    went_up = RANK[state] > RANK[message.state]
    if went_up:
        message.state = state
        changed.append("state")
        if message.in_flight_since:  # it went out: no resend of an uncertain message
            message.in_flight_since = None
            changed.append("in_flight_since")
        if state == State.FAILED:
            message.last_error = _errors(item)
            changed.append("last_error")
    message.save(update_fields=changed)
    if went_up and state == State.FAILED:
        fallback_email(message)
    return message


def _find(item: dict) -> Message | None:
    """By Meta's id, or by our own id echoed in biz_opaque_callback_data."""
    lookup = Q(provider_id=str(item.get("id") or "")) if item.get("id") else Q(pk__in=[])
    try:
        lookup |= Q(key=uuid.UUID(str(item.get("biz_opaque_callback_data"))))
    except ValueError:
        pass
    whatsapp = Message.objects.select_for_update().filter(channel=ChannelKind.WHATSAPP)
    return whatsapp.filter(lookup).select_related("recipient").first()


def _when(timestamp) -> datetime.datetime:
    try:
        return datetime.datetime.fromtimestamp(int(timestamp), tz=datetime.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return timezone.now()


def _errors(item: dict) -> str:
    errors = item.get("errors") or []
    parts = [f"{e.get('code')}: {e.get('title') or e.get('message') or ''}" for e in errors]
    return "; ".join(parts) or "reported failed by WhatsApp"
