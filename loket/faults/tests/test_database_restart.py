"""After PostgreSQL drops every connection (what a restart does), the next page and the next
notification go through: the cheap form of `make faults`' first fault, in `make test`."""

import signal

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import RequestFactory

from loket.notifications.models import Message, Rule, State
from loket.notifications.stand_in import StandIn, gateway_reply
from loket.notifications.tests.conftest import DEFAULT_RULES
from loket.notifications.tests.processes import start_worker, unsent, wait_for, worker_env
from loket.requests.tests import factories

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a database server to drop connections"
    ),
]


OTHERS = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"


def other_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {OTHERS}")
        return cursor.fetchone()[0]


def drop_every_other_connection() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(pg_terminate_backend(pid)) {OTHERS}")
        return cursor.fetchone()[0]


def serve(path: str) -> int:
    """One request through Django's own WSGI handler, as gunicorn calls it (the test client
    would skip the connection checks that run when a request starts)."""
    statuses = []
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET")
    b"".join(WSGIHandler()(environ, lambda status, headers: statuses.append(status)))
    return int(statuses[0].split()[0])


def test_the_portal_answers_the_first_request_after_its_connection_was_dropped(upgrade_service):
    page = upgrade_service.get_absolute_url()
    assert serve(page) == 200  # the connection stays open for the next request (CONN_MAX_AGE)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    with psycopg.connect(**params(), autocommit=True) as other:
        assert other.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]
    assert serve(page) == 200  # not a 500 from the dead connection


def params() -> dict:
    found = connection.get_connection_params()
    return {k: v for k, v in found.items() if k not in ("cursor_factory", "context")}


@pytest.fixture
def upgrade_service(unit):
    from loket.catalog.tests.factories import ServiceFactory

    return ServiceFactory(unit=unit, slug="layanan-upgrade-aplikasi", asks_for_application=True)


def test_a_worker_keeps_sending_after_its_connections_were_dropped(
    upgrade_service, requester, unit_admin
):
    from loket.catalog.tests.factories import ApplicationFactory

    for trigger, audience in DEFAULT_RULES:  # a transactional test starts with none
        Rule.objects.get_or_create(trigger=trigger, audience=audience)
    requester.whatsapp = "+6281200000001"
    requester.set_whatsapp_consent(True)
    requester.save()
    stand_in = StandIn(default=gateway_reply).start()
    worker = start_worker(worker_env(f"{stand_in.url}/send"))
    try:
        assert worker.stdout.readline().startswith("Notification worker started")
        wait_for(lambda: other_connections() >= 2, timeout=20, what="the worker to connect")
        assert drop_every_other_connection() >= 2  # its queries' and its LISTEN connection
        application = ApplicationFactory(owner_unit=upgrade_service.unit)
        factories.submit(upgrade_service, requester, application=application)
        assert unsent() >= 1
        wait_for(lambda: unsent() == 0, timeout=30, what="the worker to send after the drop")
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=20)[0]
        stand_in.stop()
    assert worker.returncode == 0, output
    assert Message.objects.filter(channel="whatsapp", state=State.SENT).count() >= 1
    assert len(stand_in.seen) == Message.objects.filter(channel="whatsapp").count()
