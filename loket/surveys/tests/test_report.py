"""The IKM report of a unit (and of the whole university) for Admin Unit, Direktur, Superadmin."""

import datetime
import io
import zoneinfo
from http import HTTPStatus

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from pypdf import PdfReader

from loket.catalog.tests.factories import ServiceFactory
from loket.requests.models import ServiceRequest
from loket.requests.tests.factories import submit
from loket.surveys import periods, reports
from loket.surveys.tests import factories

pytestmark = pytest.mark.django_db
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")
REPORT = "/skm/laporan/"


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=JAKARTA)


def report(client, **params):
    return client.get(REPORT, {"unit": "dtik", **params})


def summary(response) -> str:
    """The result panel of the report page (the trend beside it shows other periods)."""
    page = response.content.decode()
    start = page.index('id="summary-heading"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def people(unit_admin, director, staff):
    return {"unit_admin": unit_admin, "director": director, "staff": staff}


def test_a_new_response_shows_in_the_right_period(
    client, upgrade_service, application, requester, people, director
):
    with time_machine.travel(at(2026, 3, 16, 9, 0), tick=False):
        req = factories.completed_request(
            upgrade_service, requester, application=application, **people
        )
        factories.answered(req)  # nine answers of 3: IKM 75.00, grade C
    client.force_login(director)
    for period in ("2026-03", "2026-Q1", "2026-S1", "2026"):
        result = summary(report(client, periode=period))
        assert "75,00" in result, period
        assert "Kurang Baik" in result
        assert "minimal 1 dari 1 yang selesai" in result
    assert "Belum ada yang mengisi" in summary(report(client, periode="2026-04"))
    assert "Belum ada yang mengisi" in summary(report(client, periode="2026-Q2"))


def test_months_are_those_of_the_portals_time_zone(client, service, director):
    factories.response_row(service, at(2026, 3, 31, 23, 30), (4,) * 9)  # 16:30 UTC
    factories.response_row(service, at(2026, 4, 1, 0, 30), (2,) * 9)  # still 31 March in UTC
    client.force_login(director)
    assert "100,00" in summary(report(client, periode="2026-03"))
    april = summary(report(client, periode="2026-04"))
    assert "50,00" in april and "100,00" not in april


def test_it_lists_the_lowest_elements_first(client, service, director):
    factories.response_row(service, at(2026, 5, 2, 10), (4, 2, 4, 1, 4, 4, 3, 4, 4))
    client.force_login(director)
    page = report(client, periode="2026-05").content.decode()
    table = page[page.index('id="elements-heading"') :]
    positions = [table.index(f"U{n} ") for n in (4, 2, 7, 1)]
    assert positions == sorted(positions)


def test_it_shows_respondents_beside_the_minimum(client, service, director):
    for day in range(1, 4):
        factories.response_row(service, at(2026, 6, day, 10))
    client.force_login(director)
    result = summary(report(client, periode="2026-06"))
    assert "3" in result and "minimal 0 dari 0 yang selesai" in result  # none completed in June


@pytest.mark.parametrize(
    "persona, status",
    [
        ("unit_admin", HTTPStatus.OK),
        ("director", HTTPStatus.OK),
        ("superadmin", HTTPStatus.OK),
        ("staff", HTTPStatus.FORBIDDEN),
        ("requester", HTTPStatus.FORBIDDEN),
        ("unit_admin_other_unit", HTTPStatus.NOT_FOUND),
    ],
)
def test_who_sees_the_units_report(client, request, unit, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert report(client).status_code == status
    assert client.get("/skm/laporan.xlsx", {"unit": "dtik"}).status_code == status


def test_it_asks_for_sign_in(client, unit):
    assert report(client).status_code == HTTPStatus.FOUND


def test_the_superadmin_sees_the_whole_university(client, superadmin, service, other_unit):
    library = ServiceFactory(unit=other_unit)
    factories.response_row(service, at(2026, 2, 3, 10), (4,) * 9)
    factories.response_row(library, at(2026, 2, 4, 10), (2,) * 9)
    client.force_login(superadmin)
    page = client.get(REPORT, {"periode": "2026-02"}).content.decode()
    assert "Seluruh universitas" in page
    assert "75,00" in page  # both units together
    assert "Direktorat TIK" in page and "UPT Perpustakaan" in page


def test_reports_never_show_who_answered(client, completed, requester, director):
    factories.answered(completed, suggestion="Terima kasih, cepat sekali.")
    client.force_login(director)
    page = report(client).content.decode()
    assert "Terima kasih, cepat sekali." in page
    for identity in (requester.username, requester.full_name, requester.email, completed.ticket):
        assert identity not in page


def queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert report(client, **params).status_code == HTTPStatus.OK
    return len(ctx)


def test_the_report_costs_the_same_few_queries_for_any_number_of_answers(
    client, unit, director, django_assert_max_num_queries
):
    services = [ServiceFactory(unit=unit) for _ in range(3)]
    client.force_login(director)
    factories.response_row(services[0], at(2026, 1, 5, 10), suggestion="Satu")
    few = queries(client, periode="2026-S1")
    for month in range(1, 7):
        for service in services:
            factories.response_row(service, at(2026, month, 7, 10), suggestion=f"Saran {month}")
    assert queries(client, periode="2026-S1") == few
    with django_assert_max_num_queries(20):
        report(client, periode="2026-S1")


def test_the_workbook_has_the_figures_and_keeps_formulas_out(client, service, director):
    factories.response_row(service, at(2026, 7, 1, 10), (4,) * 9, suggestion="=HYPERLINK(1)")
    client.force_login(director)
    response = client.get("/skm/laporan.xlsx", {"unit": "dtik", "periode": "2026-07"})
    assert response["Content-Disposition"] == 'attachment; filename="skm-dtik-2026-07.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True)}
    assert float(summary["IKM"]) == 100.0
    assert summary["Mutu pelayanan"] == "A"
    suggestion = book["Saran"]["C2"]
    assert (suggestion.value, suggestion.data_type) == ("=HYPERLINK(1)", "s")


def test_the_pdf_is_an_skm_report(client, service, director):
    factories.response_row(service, at(2026, 7, 1, 10), (3, 3, 3, 3, 3, 3, 3, 3, 4))
    client.force_login(director)
    response = client.get("/skm/laporan.pdf", {"unit": "dtik", "periode": "2026-07"})
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text.upper()
    assert "77,78" in text  # 28/9 × 25 = 77.777… → 77.78, grade B
    assert "Penanganan Pengaduan" in text


def test_the_trend_and_the_breakdown_count_the_requests_completed_in_each_period(
    unit, requester, director
):
    first, second = ServiceFactory(unit=unit), ServiceFactory(unit=unit)
    finished = {
        at(2023, 12, 31, 23, 0): first,  # 16:00 UTC: still 2023 in Jakarta
        at(2024, 1, 1, 6, 0): first,
        at(2024, 6, 1, 9, 0): second,
        at(2026, 2, 1, 9, 0): first,
        at(2026, 3, 1, 9, 0): second,
        at(2026, 4, 1, 9, 0): second,
    }
    for moment, service in finished.items():
        req = submit(service, requester)
        ServiceRequest.objects.filter(pk=req.pk).update(completed_at=moment)
    factories.response_row(first, at(2026, 2, 2, 9), suggestion="Lebih cepat lagi")
    factories.response_row(second, at(2026, 3, 2, 9))

    built = reports.build(reports.Scope(unit), periods.parse("2026"))
    assert [(p.key, row.population) for p, row in built.trend] == [
        ("2022", 0),
        ("2023", 1),
        ("2024", 2),
        ("2025", 0),
        ("2026", 3),
    ]
    assert built.summary.population == 3
    assert {row.label: row.population for row in built.breakdown} == {
        first.name: 1,
        second.name: 2,
    }
    assert built.suggestion_count == 1
    assert [r.suggestion for r in built.suggestions] == ["Lebih cepat lagi"]
