"""The worker's work: claim due outbox rows, send each through its channel, record the outcome.

Several workers may run at once. A claim marks rows `sending` under a fresh token with a lease;
on PostgreSQL the rows are picked with SKIP LOCKED so workers never wait for each other, and the
conditional UPDATE makes a claim exclusive on any database. A worker that dies leaves its rows to
be claimed again when the lease runs out, so no message is lost.

Just before each provider call the row is marked in flight (committed); the mark goes when the
answer is stored. A row claimed with the mark still on was in flight when its worker died: the
provider may or may not have it. A channel that drops repeats of a message id gets it again at
once; for the Cloud API the resend waits for a status webhook carrying our id (it went out after
all) for UNCERTAIN_GRACE_SECONDS. So no message is sent twice (README, Notifications).
"""

import datetime
import logging
import random
import time
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Min
from django.utils import timezone

from . import channels
from .channels import SendError
from .models import ChannelKind, Message, State
from .outbox import fallback_email, wake

log = logging.getLogger(__name__)


def claim(*, limit: int, lease: float) -> list[Message]:
    now = timezone.now()
    token = uuid.uuid4().hex
    if not Message.objects.due(now).exists():
        return []  # a plain read: an idle worker takes no write lock (SQLite's is database-wide)
    with transaction.atomic():
        due = Message.objects.due(now).order_by("next_attempt_at", "id")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("id", flat=True)[:limit])
        Message.objects.due(now).filter(id__in=ids).update(
            state=State.SENDING,
            claim=token,
            claimed_until=now + datetime.timedelta(seconds=lease),
        )
    claimed = Message.objects.filter(claim=token, state=State.SENDING).select_related("recipient")
    return list(claimed.order_by("next_attempt_at", "id"))


def backoff(attempts: int, *, retry_after: float | None = None) -> float:
    """Seconds before the next try: doubling from NOTIFY_RETRY_SECONDS, with some jitter."""
    config = settings.NOTIFICATIONS
    delay = min(config["RETRY_SECONDS"] * 2 ** (attempts - 1), config["RETRY_MAX_SECONDS"])
    delay *= random.uniform(0.8, 1.2)  # so that many failures do not return all at once
    return max(delay, retry_after or 0)


@dataclass
class Worker:
    """One worker process's state: the channels it built and the pauses providers asked for."""

    batch: int = field(default_factory=lambda: settings.NOTIFICATIONS["BATCH"])
    lease: float = field(default_factory=lambda: settings.NOTIFICATIONS["LEASE_SECONDS"])
    paused: dict = field(default_factory=dict)  # channel kind: (until, consecutive limits)
    built: dict = field(default_factory=dict)
    sent: int = 0

    def run_once(self, stopping=None) -> int:
        """Claim one batch and work through it; the number of rows claimed."""
        batch = claim(limit=self.batch, lease=self.lease)
        renew_at = time.monotonic() + self.lease / 2
        for message in batch:
            if stopping is not None and stopping.is_set():
                _release(message, at=message.next_attempt_at)  # for the next worker, now
                continue
            if time.monotonic() > renew_at:
                # A slow provider must not let the lease run out under a live worker.
                _renew(message.claim, lease=self.lease)
                renew_at = time.monotonic() + self.lease / 2
            self.deliver(message)
        return len(batch)

    def drain(self) -> None:
        while self.run_once():
            pass

    def deliver(self, message: Message) -> None:
        until = self.paused.get(message.channel, (None, 0))[0]
        if until and until > timezone.now():
            _release(message, at=until)  # behind a rate-limited one: keep the order
            return
        channel = self.channel(message.channel)
        held = _held_until(message, channel)
        if held:
            _release(message, at=held)  # its status webhook may yet say it went out
            return
        _mark_in_flight(message)
        try:
            provider_id = channel.send(message)
        except SendError as error:
            if error.rate_limited:
                self.pause(message, error)
            else:
                _failed_attempt(message, error)
        else:
            _sent(message, provider_id)
            self.paused.pop(message.channel, None)
            self.sent += 1

    def pause(self, message: Message, error: SendError) -> None:
        """The provider is throttling: stop this channel for a while, doubling each time."""
        _until, times = self.paused.get(message.channel, (None, 0))
        delay = backoff(times + 1, retry_after=error.retry_after)
        until = timezone.now() + datetime.timedelta(seconds=delay)
        self.paused[message.channel] = (until, times + 1)
        log.warning("%s is rate-limited for %.1f s: %s", message.channel, delay, error)
        _release(message, at=until, error=str(error), answered=True)

    def channel(self, kind: str) -> channels.Channel:
        if kind not in self.built:
            self.built[kind] = channels.get(kind)
        return self.built[kind]

    def next_due_in(self, ceiling: float) -> float:
        """Seconds until a queued row becomes due (a retry), at most `ceiling`."""
        soonest = Message.objects.filter(state=State.QUEUED).aggregate(at=Min("next_attempt_at"))
        if soonest["at"] is None:
            return ceiling
        return max(0.0, min(ceiling, (soonest["at"] - timezone.now()).total_seconds()))


def _held_until(message: Message, channel: channels.Channel):
    """When an uncertain message may be resent; None when it may be sent now."""
    if message.in_flight_since is None or channel.drops_repeats or not channel.reports_status:
        return None
    grace = datetime.timedelta(seconds=settings.NOTIFICATIONS["UNCERTAIN_GRACE_SECONDS"])
    at = message.in_flight_since + grace
    return at if at > timezone.now() else None


def _mark_in_flight(message: Message) -> None:
    """Committed before the provider is called: a worker killed during the call leaves it.

    On PostgreSQL without waiting for the disk (synchronous_commit off, for this transaction
    only): the mark outlives any end of the worker at once, and could only be lost if the
    database server itself crashed within a fraction of a second. It halves the commits a
    message costs."""
    message.in_flight_since = timezone.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        _mine(message).update(in_flight_since=message.in_flight_since)


def _renew(token: str, *, lease: float) -> None:
    until = timezone.now() + datetime.timedelta(seconds=lease)
    Message.objects.filter(claim=token, state=State.SENDING).update(claimed_until=until)


def _mine(message: Message):
    return Message.objects.filter(pk=message.pk, claim=message.claim)


def _sent(message: Message, provider_id: str) -> None:
    now = timezone.now()
    done = {
        "attempts": F("attempts") + 1,
        "claim": "",
        "claimed_until": None,
        "in_flight_since": None,
        "last_error": "",
    }
    # A status webhook may have come first (it finds the row by message id): never go back.
    if (
        not _mine(message)
        .filter(state=State.SENDING)
        .update(state=State.SENT, provider_id=provider_id, sent_at=now, **done)
    ):
        _mine(message).update(provider_id=provider_id, **done)


def _release(message: Message, *, at, error: str = "", answered: bool = False) -> None:
    """Back to the queue; `answered`: the provider refused it, so it is certainly not sent."""
    _mine(message).update(
        state=State.QUEUED,
        next_attempt_at=at,
        claim="",
        claimed_until=None,
        last_error=error or F("last_error"),
        in_flight_since=None if answered else F("in_flight_since"),
    )


def _failed_attempt(message: Message, error: SendError) -> None:
    attempts = message.attempts + 1
    if error.permanent or attempts >= settings.NOTIFICATIONS["MAX_ATTEMPTS"]:
        fail(message, reason=str(error), attempts=attempts)
        return
    at = timezone.now() + datetime.timedelta(
        seconds=backoff(attempts, retry_after=error.retry_after)
    )
    log.info("message %s: attempt %d failed (%s); next at %s", message.pk, attempts, error, at)
    _mine(message).update(
        state=State.QUEUED,
        attempts=attempts,
        next_attempt_at=at,
        claim="",
        claimed_until=None,
        last_error=str(error),
        # A timeout may hide a sent message: the next attempt treats it as in flight.
        in_flight_since=F("in_flight_since") if error.uncertain else None,
    )


@transaction.atomic
def fail(message: Message, *, reason: str, attempts: int | None = None) -> None:
    """Failed for good: shown in the Admin Panel; WhatsApp falls back to e-mail."""
    updates = {"state": State.FAILED, "failed_at": timezone.now(), "last_error": reason}
    if attempts is not None:
        updates.update(attempts=attempts, claim="", claimed_until=None, in_flight_since=None)
    Message.objects.filter(pk=message.pk).update(**updates)
    log.warning("message %s failed for good: %s", message.pk, reason)
    if message.channel == ChannelKind.WHATSAPP:
        fallback_email(message)


def retry(messages) -> int:
    """The Admin Panel's retry action: failed messages go back to the queue, attempts reset."""
    count = messages.filter(state=State.FAILED).update(
        state=State.QUEUED,
        attempts=0,
        next_attempt_at=timezone.now(),
        failed_at=None,
        claim="",
        claimed_until=None,
    )
    if count:
        transaction.on_commit(wake, robust=True)
    return count
