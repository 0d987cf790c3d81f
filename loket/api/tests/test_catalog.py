from http import HTTPStatus

import pytest

from loket.catalog.models import Audience
from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_services_come_with_their_current_standard(client, unit, service):
    newer = service.revisions.get()
    newer.pk, newer.version, newer.completion_days = None, "2.0", 7
    newer.effective_date = newer.effective_date.replace(year=newer.effective_date.year + 1)
    newer.save()
    body = client.get(f"/api/v1/catalog/services/{service.slug}").json()
    assert body["standard"]["version"] == "2.0" and body["standard"]["completion_days"] == 7
    assert body["unit"] == "DTIK" and body["category"]["slug"]
    listed = client.get("/api/v1/catalog/services", {"unit": "dtik"}).json()
    assert [s["slug"] for s in listed] == [service.slug]
    assert client.get("/api/v1/catalog/services/nope").status_code == HTTPStatus.NOT_FOUND


def test_units_and_the_application_registry(client, unit, other_unit):
    ServiceFactory(unit=unit)
    ApplicationFactory(owner_unit=unit, name="SIAKAD")
    ApplicationFactory(owner_unit=unit, name="Laman Publik", audience=Audience.PUBLIC)
    assert {u["code"] for u in client.get("/api/v1/catalog/units").json()} >= {"DTIK", "PERPUS"}
    every = client.get("/api/v1/catalog/applications", {"unit": "dtik"}).json()
    assert [(a["name"], a["upgradable"]) for a in every] == [
        ("Laman Publik", False),
        ("SIAKAD", True),
    ]
    upgradable = client.get("/api/v1/catalog/applications", {"upgradable": True}).json()
    assert [a["name"] for a in upgradable] == ["SIAKAD"]
