"""Worker processes for real: one killed with SIGKILL mid-batch and restarted, and two at once.
Each worker is `manage.py send_notifications`, sending to a stand-in gateway on loopback."""

import signal

import pytest
from django.utils import timezone

from loket.accounts.models import Role, UnitRole, User
from loket.notifications.models import Message, State
from loket.notifications.stand_in import StandIn, gateway_reply
from loket.requests.tests import factories

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


def test_a_worker_killed_mid_batch_loses_nothing_and_repeats_nothing(
    stand_in, unit, upgrade_service, requester, application
):
    keys = many_messages(unit, upgrade_service, requester, application, admins=30, requests=2)
    stand_in.delay = 0.02
    env = worker_env(f"{stand_in.url}/send")
    first = start_worker(env, "--batch", "20", "--lease", "2")
    wait_for(lambda: len(stand_in.seen) >= 15, timeout=60, what="the first worker to send")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    assert first.returncode == -signal.SIGKILL
    stranded = Message.objects.filter(channel="whatsapp", state=State.SENDING).count()
    assert 0 < unsent() < len(keys)  # it really died in the middle
    second = start_worker(env, "--batch", "20", "--lease", "2")
    try:
        wait_for(lambda: unsent() == 0, timeout=60, what="every message to be sent")
    finally:
        second.send_signal(signal.SIGTERM)
        output = second.communicate(timeout=20)[0]
    assert second.returncode == 0, output
    arrived = stand_in.keys()
    assert set(arrived) == keys  # every message reached the provider…
    assert {body["ref"] for body in stand_in.bodies()} == keys
    # …each once, except at most the one in flight at the kill, repeated under its same
    # Idempotency-Key (which the gateway drops as a repeat)
    repeated = [key for key, times in arrived.items() if times > 1]
    assert len(repeated) <= 1 and all(arrived[key] == 2 for key in repeated)
    assert stranded >= 1


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
