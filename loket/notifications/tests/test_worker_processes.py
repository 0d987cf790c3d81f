"""Worker processes for real: killed with SIGKILL mid-batch and restarted, and two at once.
Each worker is `manage.py send_notifications`, sending to a stand-in provider on loopback."""

import os
import random
import signal
import time
from collections import Counter

import pytest
from django.utils import timezone

from loket.accounts.models import Role, UnitRole, User
from loket.notifications.models import Message, State
from loket.notifications.stand_in import StandIn, gateway_reply
from loket.requests.tests import factories

from .conftest import APP_SECRET, PHONE_NUMBER_ID, TOKEN
from .processes import start_worker, unsent, wait_for, worker_env

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def stand_in():
    server = StandIn(default=gateway_reply).start()
    yield server
    server.stop()


def many_messages(unit, upgrade_service, requester, application, *, admins: int, requests: int):
    """Real requests, each telling every one of `admins` reachable Admin Units."""
    people = User.objects.bulk_create(
        User(
            username=f"admin{n:03d}",
            email=f"admin{n:03d}@example.ac.id",
            whatsapp=f"+62812{n:07d}",
            whatsapp_consent_at=timezone.now(),
        )
        for n in range(admins)
    )
    UnitRole.objects.bulk_create(UnitRole(user=p, unit=unit, role=Role.UNIT_ADMIN) for p in people)
    for _ in range(requests):
        factories.submit(upgrade_service, requester, application=application)
    keys = Message.objects.filter(channel="whatsapp").values_list("key", flat=True)
    return {str(key) for key in keys}


KILLS = 3


def kill_at_random_calls(stand_in, env, ref, *, kills: int = KILLS) -> list[Message]:
    """Start workers one after another; SIGKILL each while the provider holds its answer to a
    randomly chosen call (it has the message, the worker has not stored that): mid-batch.
    The rows of those messages, as each kill left them."""
    left = []
    for _ in range(kills):
        worker = start_worker(env, "--batch", "20", "--lease", "1")
        target = len(stand_in.seen) + random.randint(2, 12)
        killed = []

        def kill(seen, number, pid=worker.pid, target=target, killed=killed):
            if number == target:
                os.kill(pid, signal.SIGKILL)
                killed.append(ref(seen))
                time.sleep(0.2)  # the answer goes to a dead process

        stand_in.on_request = kill
        assert worker.wait(timeout=60) == -signal.SIGKILL, worker.stdout.read()
        worker.stdout.close()
        stand_in.on_request = None
        left.append(Message.objects.get(key=killed[0]))
    return left


def uncertain(message: Message) -> bool:
    return message.state == State.SENDING and message.in_flight_since is not None


def finish(env) -> None:
    last = start_worker(env, "--batch", "20", "--lease", "1")
    try:
        wait_for(lambda: unsent() == 0, timeout=90, what="every message to be sent")
    finally:
        last.send_signal(signal.SIGTERM)
        output = last.communicate(timeout=20)[0]
    assert last.returncode == 0, output


def test_workers_killed_mid_batch_send_every_message_once_through_a_gateway(
    stand_in, unit, upgrade_service, requester, application
):
    keys = many_messages(unit, upgrade_service, requester, application, admins=30, requests=2)
    stand_in.delay = 0.02
    env = worker_env(f"{stand_in.url}/send")
    left = kill_at_random_calls(stand_in, env, lambda seen: seen.headers["Idempotency-Key"])
    assert 0 < unsent() < len(keys)  # they really died in the middle
    finish(env)
    # Each kill left the message in flight uncertain; it was sent again under its same
    # Idempotency-Key, which the gateway answers without sending it a second time.
    assert all(uncertain(message) for message in left)
    assert stand_in.delivered() == dict.fromkeys(keys, 1)
    assert {body["ref"] for body in stand_in.bodies()} == keys
    repeats = [seen.headers["Idempotency-Key"] for seen in stand_in.seen if seen.repeat]
    assert len(repeats) == KILLS
    assert not Message.objects.exclude(in_flight_since=None).exists()


def test_workers_killed_mid_batch_send_every_message_once_through_the_cloud_api(
    settings, live_server, unit, upgrade_service, requester, application
):
    """Meta drops no repeat: the uncertain message waits for the status webhook that carries
    our id back (biz_opaque_callback_data), posted by the stand-in to the portal's endpoint."""
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "APP_SECRET": APP_SECRET}
    stand_in = StandIn(webhook=(f"{live_server.url}/webhooks/whatsapp/", APP_SECRET)).start()
    try:
        keys = many_messages(unit, upgrade_service, requester, application, admins=30, requests=2)
        stand_in.delay, stand_in.webhook_delay = 0.02, 3
        env = cloud_env(f"{stand_in.url}/v23.0", grace=30)
        left = kill_at_random_calls(
            stand_in, env, lambda seen: seen.json["biz_opaque_callback_data"]
        )
        finish(env)
    finally:
        stand_in.stop()
    assert all(uncertain(message) or message.state == State.SENT for message in left)
    refs = Counter(body["biz_opaque_callback_data"] for body in stand_in.bodies())
    assert refs == dict.fromkeys(keys, 1)  # every message reached Meta, none twice
    sent = Message.objects.filter(channel="whatsapp")
    assert {m.provider_id for m in sent} == {f"wamid.TEST{n:06d}" for n in range(1, len(keys) + 1)}


def cloud_env(url: str, *, grace: float) -> dict:
    env = worker_env("")
    env.update(
        WHATSAPP_BACKEND="cloud",
        WHATSAPP_CLOUD_API_URL=url,
        WHATSAPP_PHONE_NUMBER_ID=PHONE_NUMBER_ID,
        WHATSAPP_ACCESS_TOKEN=TOKEN,
        NOTIFY_UNCERTAIN_GRACE_SECONDS=str(grace),
    )
    return env


def test_two_workers_at_once_send_every_message_exactly_once(
    stand_in, unit, upgrade_service, requester, application
):
    stand_in.delay = 0.005
    env = worker_env(f"{stand_in.url}/send")
    workers = [start_worker(env, "--batch", "10") for _ in range(2)]
    for worker in workers:  # both are up and waiting before the first message is queued
        assert worker.stdout.readline().startswith("Notification worker started")
    keys = many_messages(unit, upgrade_service, requester, application, admins=40, requests=2)
    try:
        wait_for(lambda: unsent() == 0, timeout=60, what="every message to be sent")
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        outputs = [worker.communicate(timeout=20)[0] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outputs
    assert stand_in.keys() == dict.fromkeys(keys, 1)
    sent_by = [int(out.split("after sending ")[1].split()[0]) for out in outputs]
    assert sum(sent_by) == Message.objects.exclude(channel="inbox").count()
    assert all(count > 0 for count in sent_by), sent_by  # both took part
