"""queue_for(event): outbox rows per recipient and channel, in the caller's transaction."""

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format

from loket.accounts.models import User
from loket.requests.models import Event, ServiceRequest

from . import channels, rules, texts, whatsapp_text
from .models import Audience, ChannelKind, Message, Preference, Rule, State, Trigger

WAKE_CHANNEL = "loket_outbox"


def queue_for(event: Event) -> list[Message]:
    """Apply the rules to a timeline event; a rollback of the change leaves no message."""
    trigger = rules.trigger_of(event)
    if trigger is None:
        return []
    note = event.note if event.is_public else ""
    return _queue(event.req, trigger, event=event, actor_id=event.actor_id, note=note)


def queue_overdue(req: ServiceRequest) -> list[Message]:
    return _queue(req, Trigger.OVERDUE)


def wake() -> None:
    """Tell sleeping workers that rows are waiting (PostgreSQL; on SQLite they poll)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"NOTIFY {WAKE_CHANNEL}")


def _queue(req, trigger: str, *, event=None, actor_id=None, note: str = "") -> list[Message]:
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Notifications are queued inside the transaction of their change.")
    messages, told = [], set()
    for rule in Rule.objects.active_for(trigger).order_by("audience"):
        people = rules.audience(rule.audience, req, event).filter(is_active=True)
        if rule.audience != Audience.REQUESTER:
            people = people.exclude(pk=actor_id)  # nobody is told of their own action
        for person in people.select_related("notification_preference").distinct():
            if person.pk not in told:
                told.add(person.pk)
                messages += _compose(rule, person, req, event=event, note=note)
    Message.objects.bulk_create(messages)
    if any(message.state == State.QUEUED for message in messages):
        transaction.on_commit(wake, robust=True)
    return messages


def _compose(rule: Rule, person: User, req, *, event, note: str) -> list[Message]:
    language = person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        values = {
            "ticket": req.ticket,
            "service": req.service.name,
            "status": req.get_status_display(),
            "what": Trigger(rule.trigger).label,
            "due": date_format(req.due_date),
        }
        link = _link(req, rule)
        content = {
            "title": texts.title(rule.audience, values),
            "body": texts.body(rule.trigger, rule.audience, values, note=note),
        }
    common = {
        "recipient": person,
        "trigger": rule.trigger,
        "audience": rule.audience,
        "req": req,
        "event": event,
        "language": language,
        "link": link,
        "params": whatsapp_text.parameters(
            rule.trigger, rule.audience, language, {**values, "link": link}
        ),
        **content,
    }
    return [_message(kind, address, common) for kind, address in _channels_for(person, rule)]


def _channels_for(person: User, rule: Rule) -> list[tuple[str, str]]:
    """The inbox always; WhatsApp with number and consent; e-mail with an address."""
    try:
        preference = person.notification_preference
    except Preference.DoesNotExist:
        preference = Preference(user=person)
    chosen = [(ChannelKind.INBOX, "")]
    if rule.by_whatsapp and preference.by_whatsapp and person.whatsapp_consent:
        if person.whatsapp:
            chosen.append((ChannelKind.WHATSAPP, person.whatsapp))
    if rule.by_email and preference.by_email and person.email:
        chosen.append((ChannelKind.EMAIL, person.email))
    return chosen


def _message(kind: str, address: str, common: dict) -> Message:
    now = timezone.now()
    if channels.get(kind).immediate:
        return Message(channel=kind, state=State.DELIVERED, delivered_at=now, **common)
    return Message(channel=kind, address=address, next_attempt_at=now, **common)


def _link(req: ServiceRequest, rule: Rule) -> str:
    """The request page in the recipient's language; the questionnaire once it is completed."""
    path = req.get_absolute_url()
    if rule.trigger == Trigger.COMPLETED and rule.audience == Audience.REQUESTER:
        path = _questionnaire_url(req) or path
    return path if "://" in path else settings.SITE_URL.rstrip("/") + path


def _questionnaire_url(req: ServiceRequest) -> str | None:
    try:  # loket.surveys (issue 6) provides the signed questionnaire link
        from loket.surveys.links import questionnaire_url
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("loket.surveys"):
            raise
        return None
    return questionnaire_url(req)


def fallback_email(message: Message) -> Message | None:
    """An e-mail copy of a WhatsApp message that failed for good, unless one exists."""
    siblings = Message.objects.filter(
        recipient=message.recipient_id,
        trigger=message.trigger,
        req=message.req_id,
        event=message.event_id,
        channel=ChannelKind.EMAIL,
    )
    if not message.recipient.email or siblings.exists():
        return None
    copy = Message.objects.create(
        recipient=message.recipient,
        channel=ChannelKind.EMAIL,
        address=message.recipient.email,
        fallback_for=message,
        **{
            field: getattr(message, field)
            for field in ("trigger", "audience", "req_id", "event_id", "language", "title")
        },
        body=message.body,
        link=message.link,
        params=message.params,
    )
    transaction.on_commit(wake, robust=True)
    return copy
