"""Faults: 500s, time-outs and rate limits are retried with backoff; a permanent error fails
the message and falls back to e-mail; after the limit it fails; nothing is lost."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from loket.notifications import delivery
from loket.notifications.models import Message, State
from loket.notifications.stand_in import Reply, cloud_error, status_webhook

from .test_webhook import post

pytestmark = pytest.mark.django_db


def requester_whatsapp() -> Message:
    return Message.objects.get(channel="whatsapp", recipient__username="pemohon")


def later(time_machine, seconds: float) -> None:
    time_machine.move_to(timezone.now() + datetime.timedelta(seconds=seconds), tick=False)


@pytest.mark.parametrize(
    "fault",
    [Reply(500, {"error": {"code": 1, "message": "unknown"}}), cloud_error(2)],
    ids=["http-500", "transient-code"],
)
def test_a_passing_fault_is_retried_later_with_backoff(
    cloud_api, worker, submitted, time_machine, fault
):
    time_machine.move_to(timezone.now(), tick=False)
    cloud_api.reply(fault)
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.attempts) == (State.QUEUED, 1)
    assert message.last_error
    wait = (message.next_attempt_at - timezone.now()).total_seconds()
    assert 30 * 0.8 <= wait <= 30 * 1.2
    worker.drain()
    assert requester_whatsapp().state == State.QUEUED  # not due yet
    later(time_machine, wait + 1)
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.attempts, message.last_error) == (State.SENT, 2, "")
    assert [s.json["to"] for s in cloud_api.seen].count("6281200000001") == 2


def test_a_time_out_at_the_cloud_api_waits_for_the_status_webhook_before_sending_again(
    cloud_api, worker, submitted, time_machine, settings
):
    """No answer does not mean not sent: Meta may have it, and says so by webhook."""
    time_machine.move_to(timezone.now(), tick=False)
    cloud_api.reply(Reply(delay=1.0))  # the stand-in takes it, but answers too late
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.attempts) == (State.QUEUED, 1)
    assert message.in_flight_since is not None
    later(time_machine, 60)  # past the backoff, within the grace period: held
    worker.drain()
    assert requester_whatsapp().state == State.QUEUED
    assert [s.json["to"] for s in cloud_api.seen].count("6281200000001") == 1
    grace = settings.NOTIFICATIONS["UNCERTAIN_GRACE_SECONDS"]
    later(time_machine, grace)  # no webhook ever came: it was not sent, so send it now
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.attempts, message.in_flight_since) == (State.SENT, 2, None)
    assert [s.json["to"] for s in cloud_api.seen].count("6281200000001") == 2


def test_a_status_webhook_after_a_time_out_means_sent_and_it_is_not_sent_again(
    cloud_api, worker, submitted, time_machine, client
):
    time_machine.move_to(timezone.now(), tick=False)
    cloud_api.reply(Reply(delay=1.0))
    worker.drain()
    message = requester_whatsapp()
    sent = next(s.json for s in cloud_api.seen if s.json["to"] == "6281200000001")
    assert sent["biz_opaque_callback_data"] == str(message.key)
    assert post(client, status_webhook(sent, "wamid.LATE", "sent")).status_code == 200
    later(time_machine, 3600)
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.provider_id) == (State.SENT, "wamid.LATE")
    assert message.in_flight_since is None
    assert [s.json["to"] for s in cloud_api.seen].count("6281200000001") == 1


def test_a_time_out_at_a_gateway_is_sent_again_under_the_same_key(
    gateway, worker, submitted, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    gateway.reply(Reply(delay=1.0))
    worker.drain()
    later(time_machine, 40)  # the gateway drops repeats: no need to wait for anything
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.attempts) == (State.SENT, 2)
    assert gateway.keys()[str(message.key)] == 2
    assert gateway.delivered()[str(message.key)] == 1


def test_the_backoff_doubles_up_to_its_ceiling(settings):
    settings.NOTIFICATIONS.update(RETRY_SECONDS=30, RETRY_MAX_SECONDS=600)
    waits = [delivery.backoff(n) for n in range(1, 8)]
    for n, wait in enumerate(waits[:5], start=1):
        assert 30 * 2 ** (n - 1) * 0.8 <= wait <= 30 * 2 ** (n - 1) * 1.2
    assert all(wait <= 600 * 1.2 for wait in waits)


def test_a_rate_limit_pauses_the_channel_and_keeps_the_order(
    cloud_api, worker, submitted, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    cloud_api.reply(cloud_error(130429, status=429, headers={"Retry-After": "40"}))
    worker.drain()
    waiting = Message.objects.filter(channel="whatsapp").order_by("id")
    assert [(m.state, m.attempts) for m in waiting] == [(State.QUEUED, 0), (State.QUEUED, 0)]
    assert len(cloud_api.seen) == 1  # the second was held back, not sent into the limit
    assert all(
        m.next_attempt_at >= timezone.now() + datetime.timedelta(seconds=40) for m in waiting
    )
    later(time_machine, 50)
    worker.drain()
    assert [s.json["to"] for s in cloud_api.seen] == [
        "6281200000001",
        "6281200000001",
        "6281200000002",
    ]
    assert {m.state for m in Message.objects.filter(channel="whatsapp")} == {State.SENT}


@pytest.mark.parametrize("code", [131026, 132001, 100])
def test_a_permanent_error_fails_the_message_and_falls_back_to_email(
    cloud_api, worker, submitted, code
):
    from loket.notifications.models import Preference

    Preference.objects.create(user=submitted.requester, by_email=False)
    Message.objects.filter(channel="email", recipient=submitted.requester).delete()
    cloud_api.reply(cloud_error(code))
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.attempts) == (State.FAILED, 1)
    assert str(code) in message.last_error
    assert message.fallback.state == State.SENT
    assert [m.to for m in mail.outbox].count(["pemohon@example.ac.id"]) == 1


def test_no_fallback_when_the_person_already_gets_it_by_email(cloud_api, worker, submitted):
    cloud_api.reply(cloud_error(131026))
    worker.drain()
    assert requester_whatsapp().state == State.FAILED
    assert Message.objects.filter(channel="email", recipient__username="pemohon").count() == 1


def test_after_the_last_attempt_the_message_fails(
    settings, cloud_api, worker, submitted, time_machine
):
    settings.NOTIFICATIONS.update(MAX_ATTEMPTS=3)
    time_machine.move_to(timezone.now(), tick=False)
    cloud_api.reply(*[Reply(503) for _ in range(6)])
    for _ in range(3):
        worker.drain()
        later(time_machine, 3600)
    message = requester_whatsapp()
    assert (message.state, message.attempts) == (State.FAILED, 3)
    assert message.failed_at is not None


def test_a_failed_message_can_be_sent_again(cloud_api, worker, submitted):
    cloud_api.reply(cloud_error(132001))
    worker.drain()
    assert delivery.retry(Message.objects.filter(state=State.FAILED)) == 1
    worker.drain()
    message = requester_whatsapp()
    assert (message.state, message.provider_id) == (State.SENT, "wamid.TEST000003")


def test_a_crashed_workers_claim_is_taken_over_when_its_lease_ends(
    cloud_api, submitted, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    claimed = delivery.claim(limit=10, lease=60)  # …and then the worker died
    assert {m.state for m in Message.objects.filter(pk__in=[m.pk for m in claimed])} == {
        State.SENDING
    }
    assert delivery.claim(limit=10, lease=60) == []
    later(time_machine, 61)
    delivery.Worker(batch=10, lease=60).drain()
    assert {m.state for m in Message.objects.exclude(channel="inbox")} == {State.SENT}
