from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.catalog.tests.factories import CategoryFactory, ServiceFactory, UnitFactory

pytestmark = pytest.mark.django_db

CATALOG_PAGES = [
    "/",
    "/layanan/",
    "/layanan/?unit=dtik",
    "/unit/",
    "/unit/dtik/",
    "/pencarian/?q=layanan",
]


def _add_services(unit, count: int) -> None:
    categories = [CategoryFactory(slug=f"kategori-{n}", name_id=f"Kategori {n}") for n in range(3)]
    for n in range(count):
        ServiceFactory(unit=unit, category=categories[n % 3])
    UnitFactory()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(ctx)


@pytest.mark.parametrize("url", CATALOG_PAGES)
def test_query_count_does_not_grow_with_the_catalog(client, unit, url):
    _add_services(unit, 3)
    few = _queries(client, url)
    _add_services(unit, 30)
    many = _queries(client, url)
    assert many == few
    assert many <= 6


def test_the_unit_page_shows_its_office_and_service_count(client, unit):
    _add_services(unit, 26)
    page = client.get("/unit/dtik/").content.decode()
    assert "Kantor Pusat" in page
    assert "26 Layanan" in page
    assert "Semua Layanan" in page


def test_services_are_grouped_by_category(client, unit):
    _add_services(unit, 6)
    page = client.get("/layanan/").content.decode()
    assert page.count('class="category-section"') == 3
    assert page.count('class="card service-card"') == 6


def test_all_services_of_a_unit_excludes_other_units(client, unit, other_unit):
    ServiceFactory(unit=unit, name_id="Layanan Milik DTIK")
    ServiceFactory(unit=other_unit, name_id="Layanan Milik Perpustakaan")
    page = client.get("/layanan/?unit=dtik").content.decode()
    assert "Layanan Milik DTIK" in page
    assert "Layanan Milik Perpustakaan" not in page


def test_search_finds_services_by_any_word(client, unit):
    ServiceFactory(unit=unit, name_id="Layanan Upgrade Aplikasi", name_en="Application Upgrade")
    ServiceFactory(unit=unit, name_id="Layanan Email Institusi", name_en="Institutional E-mail")
    # Every factory standard mentions upgrading an application, so search by the other one.
    page = client.get("/pencarian/?q=email+institusi").content.decode()
    assert "Layanan Email Institusi" in page
    assert "Layanan Upgrade Aplikasi" not in page
    assert "1 hasil" in page
