"""Notifications' part: what the person was sent (and to which address), their channel choices."""

from django.db.models import Q

from loket.accounts.models import User
from loket.accounts.privacy import Erasure, eraser, exporter
from loket.notifications.models import Message, Preference


@exporter("notifications")
def notifications(person: User) -> dict:
    preference = Preference.objects.filter(user=person).first()
    sent = (
        Message.objects.filter(recipient=person)
        .select_related("req", "complaint")
        .order_by("created_at")
    )
    return {
        "preferences": {
            "whatsapp": preference.by_whatsapp if preference else True,
            "email": preference.by_email if preference else True,
        },
        "messages": [
            {
                "channel": m.get_channel_display(),
                "sent_to": m.address,
                "request": m.req.ticket if m.req else "",
                "complaint": m.complaint.ticket if m.complaint_id else "",
                "title": m.title,
                "text": m.body,
                "status": m.get_state_display(),
                "queued_at": m.created_at,
                "read_at": m.read_at,
            }
            for m in sent
        ],
    }


@eraser("notifications")
def erase(erasure: Erasure) -> None:
    """The person's own messages go (with the addresses they went to); messages to others about
    the person's requests and complaints stay, without the person's values in their text."""
    person, redact = erasure.person, erasure.redactor
    Message.objects.filter(recipient=person).delete()
    Preference.objects.filter(user=person).delete()
    mine = Q(req__requester=person) | Q(complaint__complainant=person)
    about = Message.objects.filter(mine).only(
        "pk", "title", "body", "params", "recorded", "last_error"
    )
    for message in about:
        kept = {
            "title": redact.text(message.title),
            "body": redact.text(message.body),
            "params": redact.data(message.params),
            "recorded": redact.data(message.recorded),
            "last_error": redact.text(message.last_error),
        }
        if any(getattr(message, name) != value for name, value in kept.items()):
            Message.objects.filter(pk=message.pk).update(**kept)
