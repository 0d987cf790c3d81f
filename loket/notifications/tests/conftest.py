"""Reachable personas (WhatsApp number and consent, a language), stand-in providers, a worker."""

import importlib

import pytest

from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.notifications.delivery import Worker
from loket.notifications.models import Rule
from loket.notifications.stand_in import StandIn, gateway_reply
from loket.requests.tests import factories

DEFAULT_RULES = importlib.import_module(
    "loket.notifications.migrations.0002_default_rules"
).DEFAULTS
PHONE_NUMBER_ID = "106540352242922"
TOKEN = "test-access-token"
APP_SECRET = "test-app-secret"
NUMBERS = {
    "pemohon": "+6281200000001",
    "adminunit": "+6281200000002",
    "direktur": "+6281200000003",
    "staf": "+6281200000004",
}


@pytest.fixture(autouse=True)
def default_rules(db):
    """The data migration's rules; a transactional test's flush removes them for the next."""
    for trigger, audience in DEFAULT_RULES:
        Rule.objects.get_or_create(trigger=trigger, audience=audience)


@pytest.fixture
def language():
    return "id"


def reachable(person, language: str):
    person.whatsapp = NUMBERS.get(person.username, "")
    person.set_whatsapp_consent(bool(person.whatsapp))
    person.language = language
    person.save()
    return person


@pytest.fixture
def requester(requester, language):
    return reachable(requester, language)


@pytest.fixture
def unit_admin(unit_admin, language):
    return reachable(unit_admin, language)


@pytest.fixture
def director(director, language):
    return reachable(director, language)


@pytest.fixture
def staff(staff, language):
    return reachable(staff, language)


@pytest.fixture
def upgrade_service(unit):
    return ServiceFactory(
        unit=unit,
        slug="layanan-upgrade-aplikasi",
        code="SOP#24",
        name_id="Layanan Upgrade Aplikasi",
        name_en="Application Upgrade Service",
        asks_for_application=True,
    )


@pytest.fixture
def application(unit):
    return ApplicationFactory(owner_unit=unit, name="SIAKAD")


@pytest.fixture
def submitted(upgrade_service, requester, unit_admin, director, staff, application):
    return factories.submit(upgrade_service, requester, application=application)


@pytest.fixture
def stand_in():
    server = StandIn().start()
    yield server
    server.stop()


def configure(settings, **values) -> None:
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, **values}


@pytest.fixture
def cloud_api(settings, stand_in):
    configure(
        settings,
        WHATSAPP_BACKEND="cloud",
        CLOUD_API_URL=f"{stand_in.url}/v23.0",
        PHONE_NUMBER_ID=PHONE_NUMBER_ID,
        ACCESS_TOKEN=TOKEN,
        APP_SECRET=APP_SECRET,
        VERIFY_TOKEN="verify-me",
        WHATSAPP_TIMEOUT=0.5,
    )
    return stand_in


@pytest.fixture
def gateway(settings, stand_in):
    stand_in.default = gateway_reply
    configure(
        settings,
        WHATSAPP_BACKEND="gateway",
        GATEWAY_URL=f"{stand_in.url}/send",
        GATEWAY_TOKEN="gateway-token",
        GATEWAY_FIELDS={"to": "target", "text": "message", "id": "ref"},
        GATEWAY_RESPONSE_ID="result.id",
        WHATSAPP_TIMEOUT=0.5,
    )
    return stand_in


@pytest.fixture
def worker():
    return Worker(batch=50, lease=60)
