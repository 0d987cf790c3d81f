"""The Pencarian page: services and requests, ticket numbers, pages, filters and their errors."""

import datetime
import re
from http import HTTPStatus

import pytest
import time_machine
from django.db import connection

from loket.catalog.tests.factories import CategoryFactory, ServiceFactory
from loket.portal import kept_pages
from loket.portal.models import KeptPage
from loket.requests.tests import factories
from loket.search.results import PER_PAGE

pytestmark = pytest.mark.django_db
TICKET_LINK = re.compile(r'href="/permintaan/([A-Z0-9-]+)/"')


def tickets(response) -> list[str]:
    return TICKET_LINK.findall(response.content.decode())


def file_requests(count, service, requester, application, **details):
    return [
        factories.submit(service, requester, application=application, **details)
        for _ in range(count)
    ]


def test_it_finds_services_by_name_category_unit_and_standard(client, unit):
    category = CategoryFactory(slug="jaringan", name_id="Layanan Jaringan", name_en="Network")
    vpn = ServiceFactory(unit=unit, category=category, name_id="Akses VPN", name_en="VPN access")
    mail = ServiceFactory(unit=unit, name_id="Email Institusi", name_en="Institutional e-mail")
    mail.revisions.update(requirements_id="Surat permohonan bermeterai")

    def names(query):
        page = client.get("/pencarian/", {"q": query}).content.decode()
        return {
            s.name_id
            for s in (vpn, mail)
            if f">{s.name_id}</a>" in page.replace("<mark>", "").replace("</mark>", "")
        }

    assert names("vpn") == {"Akses VPN"}
    assert names("jaringan") == {"Akses VPN"}
    assert names("bermeterai") == {"Email Institusi"}
    assert names("direktorat") == {"Akses VPN", "Email Institusi"}


def test_the_address_is_the_search_and_the_header_box_keeps_it(client, unit):
    ServiceFactory(unit=unit, name_id="Akses VPN")
    page = client.get("/pencarian/?q=vpn").content.decode()
    assert 'id="header-q" type="search" name="q" value="vpn"' in page
    assert "<mark>VPN</mark>" in page
    assert 'action="/pencarian/"' in page


def test_english_page_speaks_english(client, unit):
    ServiceFactory(unit=unit, name_id="Akses VPN", name_en="VPN access")
    page = client.get("/en/pencarian/?q=vpn").content.decode()
    assert "1 result for “vpn”" in page


def test_a_ticket_number_matches_exactly_and_by_prefix(
    client, requester, upgrade_service, application
):
    filed = file_requests(12, upgrade_service, requester, application)
    client.force_login(requester)
    exact = filed[10].ticket  # DTIK-YYYY-000011
    assert tickets(client.get("/pencarian/", {"q": exact})) == [exact]
    prefix = exact[:-1]  # DTIK-YYYY-00001: numbers 10 to 12
    assert tickets(client.get("/pencarian/", {"q": prefix.lower()})) == [
        r.ticket for r in filed[9:12]
    ]


def test_every_word_must_be_found(client, requester, upgrade_service, application):
    plain = {"description": "Rincian terlampir."}
    file_requests(1, upgrade_service, requester, application, subject="Modul laporan", **plain)
    file_requests(1, upgrade_service, requester, application, subject="Modul presensi", **plain)
    client.force_login(requester)
    assert len(tickets(client.get("/pencarian/", {"q": "modul"}))) == 2
    assert len(tickets(client.get("/pencarian/", {"q": "modul laporan"}))) == 1
    assert len(tickets(client.get("/pencarian/", {"q": "fakultas teknik"}))) == 2
    assert tickets(client.get("/pencarian/", {"q": "modul keuangan"})) == []


def test_requests_come_in_pages_with_a_shareable_address(
    client, requester, upgrade_service, application
):
    file_requests(PER_PAGE + 3, upgrade_service, requester, application)
    client.force_login(requester)
    first = client.get("/pencarian/", {"q": "modul", "type": "requests"})
    second = client.get("/pencarian/", {"q": "modul", "type": "requests", "page": 2})
    assert len(tickets(first)) == PER_PAGE and len(tickets(second)) == 3
    assert set(tickets(first)).isdisjoint(tickets(second))
    assert "?q=modul&amp;type=requests&amp;page=2" in first.content.decode()
    assert client.get("/pencarian/", {"q": "modul", "page": "x"}).status_code == HTTPStatus.OK


def test_filters_narrow_the_requests(client, requester, upgrade_service, application, unit):
    other_service = ServiceFactory(unit=unit, slug="email", name_id="Email Institusi")
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)):
        march = file_requests(1, upgrade_service, requester, application)[0]
    with time_machine.travel(datetime.datetime(2026, 5, 4, 9, tzinfo=datetime.UTC)):
        may = file_requests(1, upgrade_service, requester, application)[0]
        mail = factories.submit(other_service, requester)
    client.force_login(requester)

    def found(**filters):
        return set(tickets(client.get("/pencarian/", filters)))

    assert found(since="2026-04-01") == {may.ticket, mail.ticket}
    assert found(until="2026-03-02") == {march.ticket}
    assert found(service="email") == {mail.ticket}
    assert found(q="modul", service="layanan-upgrade-aplikasi", since="2026-05-04") == {may.ticket}
    assert found(status="cancelled") == set()


@pytest.mark.parametrize(
    "filters, message",
    [
        ({"status": "lost"}, "pilihan yang valid"),
        ({"service": "no-such-service"}, "pilihan yang valid"),
        ({"since": "2026-02-30"}, "Masukkan tanggal yang valid"),
        ({"since": "0202-01-01"}, "Masukkan tanggal antara"),
        ({"since": "2026-05-01", "until": "2026-04-01"}, "sebelum awalnya"),
        ({"type": "letters"}, "pilihan yang valid"),
        ({"q": "x" * 201}, "200"),
    ],
)
def test_bad_filter_values_are_explained_not_crashed_on(client, requester, filters, message):
    client.force_login(requester)
    response = client.get("/pencarian/", filters)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    page = response.content.decode()
    assert 'role="alert"' in page and message in page


def test_the_query_count_does_not_grow_with_the_results(
    client,
    monkeypatch,
    unit_admin,
    requester,
    upgrade_service,
    application,
    django_assert_num_queries,
):
    # The catalog's version (for the kept list of services) is read again each second at most.
    monkeypatch.setattr("loket.portal.page_cache.VERSION_SECONDS", 3600)
    client.force_login(unit_admin)
    # The session; the person with their roles; the services; the requests' and complaints'
    # counts; their pages' ids; the requests' rows (no complaint matches); the header's counts;
    # and for keeping it (portal/kept_pages.py; each page here is rendered): no page kept by
    # another process, its versions, keeping it.
    # PostgreSQL also looks for services with a name near the words when none has them.
    expected = 10 + (connection.vendor == "postgresql")

    def queries():
        kept_pages.forget_locally()
        KeptPage.objects.all().delete()
        with django_assert_num_queries(expected):
            response = client.get("/pencarian/", {"q": "modul"})
        assert response.status_code == HTTPStatus.OK
        return response

    file_requests(2, upgrade_service, requester, application)
    client.get("/pencarian/", {"q": "modul"})  # the filters' list of services, kept once read
    assert len(tickets(queries())) == 2
    file_requests(PER_PAGE + 5, upgrade_service, requester, application)
    assert len(tickets(queries())) == PER_PAGE
    # A complaint found too: only its rows are read besides (counted and found with requests').
    from loket.complaints.tests.conftest import file_complaint

    file_complaint(upgrade_service, requester, subject="Modul lambat")
    expected += 1
    assert "Modul lambat" in queries().content.decode().replace("<mark>Modul</mark>", "Modul")


@pytest.mark.parametrize(
    "prefix, summary, section",
    [
        ("", "Lebih dari 3 hasil untuk “modul”", "(lebih dari 3)"),
        ("/en", "More than 3 results for “modul”", "(more than 3)"),
    ],
)
def test_counts_stop_at_the_cap_and_say_more_than(
    client,
    monkeypatch,
    unit_admin,
    requester,
    upgrade_service,
    application,
    prefix,
    summary,
    section,
):
    monkeypatch.setattr("loket.search.results.COUNT_CAP", 3)
    filed = file_requests(5, upgrade_service, requester, application)
    client.force_login(unit_admin)
    response = client.get(f"{prefix}/pencarian/", {"q": "modul", "type": "requests"})
    page = response.content.decode()
    assert summary in page and section in page
    # The newest first, as many as the count says; no page past it.
    shown = re.findall(rf'href="{prefix}/permintaan/([A-Z0-9-]+)/"', page)
    assert shown == [r.ticket for r in reversed(filed)][:3]
    assert 'rel="next"' not in page


def test_complaints_counts_stop_at_the_cap_too(client, monkeypatch, unit_admin, service, requester):
    from loket.complaints.tests.conftest import file_complaint

    monkeypatch.setattr("loket.search.results.COUNT_CAP", 2)
    for _ in range(3):
        file_complaint(service, requester, subject="Printer loket rusak")
    client.force_login(unit_admin)
    page = client.get("/pencarian/", {"q": "printer", "type": "complaints"}).content.decode()
    assert "Lebih dari 2 hasil untuk “printer”" in page and "(lebih dari 2)" in page


def test_the_filters_list_the_catalog_as_it_is_now_with_the_choice_kept(
    client, requester, unit, upgrade_service
):
    client.force_login(requester)
    chosen = {"q": "modul", "service": upgrade_service.slug, "status": "closed"}
    page = client.get("/pencarian/", chosen).content.decode()
    assert (
        f'<option value="{upgrade_service.slug}" selected>Layanan Upgrade Aplikasi</option>' in page
    )
    assert '<option value="closed" selected>' in page
    ServiceFactory(unit=unit, slug="akses-vpn", name_id="Akses VPN")  # a change of the catalog
    upgrade_service.name_id = "Upgrade Aplikasi"
    upgrade_service.save()
    page = client.get("/pencarian/", chosen).content.decode()
    assert '<option value="akses-vpn">Akses VPN</option>' in page
    assert f'<option value="{upgrade_service.slug}" selected>Upgrade Aplikasi</option>' in page
    english = client.get("/en/pencarian/").content.decode()
    assert f'<option value="{upgrade_service.slug}">Application Upgrade Service</option>' in english


def test_a_complaints_ticket_number_matches_exactly_and_by_prefix(
    client, unit_admin, service, requester
):
    from loket.complaints.tests.conftest import file_complaint

    filed = [file_complaint(service, requester) for _ in range(11)]
    client.force_login(unit_admin)

    def complaints(query):
        page = client.get("/pencarian/", {"q": query}).content.decode()
        return re.findall(r'href="/keluhan/([A-Z0-9-]+)/"', page)

    assert complaints(filed[9].ticket.lower()) == [filed[9].ticket]
    assert complaints(filed[9].ticket[:-1]) == [c.ticket for c in filed[9:11]]  # 10 and 11
    assert complaints(filed[9].ticket[2:]) == []  # a request's number is another number


def test_services_come_six_first_then_in_pages(client, unit):
    for n in range(25):
        ServiceFactory(unit=unit, slug=f"cetak-{n:02d}", name_id=f"Cetak Dokumen {n:02d}", order=n)
    links = re.compile(r'<h3 class="card-title"><a href="/layanan/(cetak-\d\d)/"')
    everything = client.get("/pencarian/", {"q": "cetak"}).content.decode()
    assert len(links.findall(everything)) == 6
    assert "Tampilkan semua 25 layanan yang ditemukan" in everything
    second = client.get("/pencarian/", {"q": "cetak", "type": "services", "page": 2})
    assert links.findall(second.content.decode()) == [f"cetak-{n:02d}" for n in range(20, 25)]
    past = client.get("/pencarian/", {"q": "cetak", "type": "services", "page": 9})
    assert links.findall(past.content.decode()) == links.findall(second.content.decode())
