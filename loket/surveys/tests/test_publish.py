"""The Direktur publishes the unit's index; the public unit page shows the latest one."""

import datetime
import zoneinfo
from http import HTTPStatus

import pytest
import time_machine

from loket.surveys.models import Publication
from loket.surveys.tests import factories

pytestmark = pytest.mark.django_db
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
NOW = datetime.datetime(2026, 8, 10, 9, tzinfo=JAKARTA)


@pytest.fixture
def answers_in_semester_one(service):
    factories.response_row(service, datetime.datetime(2026, 2, 1, 10, tzinfo=JAKARTA), (4,) * 9)
    factories.response_row(service, datetime.datetime(2026, 5, 1, 10, tzinfo=JAKARTA), (3,) * 9)


def publish(client, period: str):
    return client.post("/skm/umumkan/", {"unit": "dtik", "periode": period}, follow=True)


@time_machine.travel(NOW, tick=False)
def test_the_director_publishes_an_ended_period(client, director, answers_in_semester_one):
    client.force_login(director)
    page = client.get("/skm/laporan/", {"unit": "dtik", "periode": "2026-S1"}).content.decode()
    assert "Umumkan di halaman unit" in page
    assert "sudah diumumkan" in publish(client, "2026-S1").content.decode()

    published = Publication.objects.get()
    assert (published.period, str(published.ikm), published.grade) == ("2026-S1", "87.50", "B")
    assert (published.starts_on, published.ends_on) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 6, 30),
    )
    assert published.nrrs == ["3.50"] * 9

    client.logout()
    public = client.get("/unit/dtik/ikm/").content.decode()
    assert "87,50" in public and "Baik" in public
    assert "/unit/dtik/ikm/" in client.get("/unit/dtik/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_running_period_cannot_be_published(client, director, answers_in_semester_one):
    client.force_login(director)
    assert "setelah berakhir" in publish(client, "2026-S2").content.decode()
    assert not Publication.objects.exists()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("persona", ["unit_admin", "staff", "unit_admin_other_unit"])
def test_only_the_director_publishes(client, request, persona, answers_in_semester_one):
    client.force_login(request.getfixturevalue(persona))
    response = client.post("/skm/umumkan/", {"unit": "dtik", "periode": "2026-S1"})
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert not Publication.objects.exists()


def test_the_public_page_says_when_nothing_is_published(client, unit):
    page = client.get("/unit/dtik/ikm/").content.decode()
    assert "belum mengumumkan" in page
    assert client.get("/en/unit/dtik/ikm/").status_code == HTTPStatus.OK
