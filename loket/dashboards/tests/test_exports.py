"""Exports of filtered lists read back as a spreadsheet program reads them: CSV with the csv
module (UTF-8 with its byte order mark), XLSX with openpyxl. They hold exactly the filtered rows,
and never a row the person may not see."""

import csv
import io
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook
from pypdf import PdfReader

from loket.requests.models import ServiceRequest, Status

from .conftest import Steps, nov, service_of

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    assert response.status_code == HTTPStatus.OK
    if response.streaming:
        return b"".join(response.streaming_content)
    return b"".join(response)


def csv_rows(response) -> list[list[str]]:
    content = body(response)
    assert content.startswith(b"\xef\xbb\xbf")  # the byte order mark
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[tuple]:
    book = load_workbook(io.BytesIO(body(response)))
    return list(book.active.iter_rows(values_only=True))


def exported(client, url: str, params=None) -> dict[str, set[str]]:
    """The tickets of both files (the first column; the first row is the header)."""
    from_csv = csv_rows(client.get(url + ".csv", params))
    from_xlsx = xlsx_rows(client.get(url + ".xlsx", params))
    assert from_csv[0] == list(from_xlsx[0])
    return {"csv": {row[0] for row in from_csv[1:]}, "xlsx": {row[0] for row in from_xlsx[1:]}}


def test_the_unit_list_exports_exactly_its_filtered_rows(client, director, dataset, unit, today):
    client.force_login(director)
    params = {"unit": "dtik", "status": [Status.SUBMITTED, Status.VERIFIED]}
    files = exported(client, "/dasbor/permintaan", params)
    expected = set(
        ServiceRequest.objects.filter(
            unit=unit, status__in=[Status.SUBMITTED, Status.VERIFIED]
        ).values_list("ticket", flat=True)
    )
    assert files["csv"] == files["xlsx"] == expected
    assert len(expected) == 5  # two filed this week, one verified, from October and September


def test_every_dashboard_filter_is_carried_into_the_export(client, director, dataset, today):
    client.force_login(director)
    for params in ({"age": "11+"}, {"due": "overdue"}, {"on_time": "no"}, {"since": "2026-11-16"}):
        listed = client.get("/dasbor/permintaan/", params).context["page"].object_list
        files = exported(client, "/dasbor/permintaan", params)
        assert files["csv"] == files["xlsx"] == {req.ticket for req in listed}, params


def test_the_list_page_links_both_files_with_its_query(client, director, dataset, today):
    client.force_login(director)
    page = client.get("/dasbor/permintaan/", {"due": "overdue"}).content.decode()
    assert 'href="/dasbor/permintaan.csv?due=overdue"' in page
    assert 'href="/dasbor/permintaan.xlsx?due=overdue"' in page


def test_another_units_requests_never_reach_the_file(client, director, dataset, unit, today):
    client.force_login(director)
    files = exported(client, "/dasbor/permintaan")
    mine = set(ServiceRequest.objects.filter(unit=unit).values_list("ticket", flat=True))
    assert files["csv"] == files["xlsx"] == mine
    assert dataset["other_unit"].ticket not in files["csv"]


def test_text_that_looks_like_a_formula_stays_text(client, director, dataset, today):
    client.force_login(director)
    rejected = dataset["rejected"]
    params = {"status": Status.REJECTED}
    rows = csv_rows(client.get("/dasbor/permintaan.csv", params))
    subject = rows[0].index("Yang dimohonkan")
    assert rows[1][subject] == "'" + rejected.subject
    book = load_workbook(io.BytesIO(body(client.get("/dasbor/permintaan.xlsx", params))))
    cell = book.active.cell(row=2, column=subject + 1)
    assert cell.value == rejected.subject and cell.data_type == "s"


def test_indonesian_text_arrives_whole(client, director, requester, unit, today):
    service = service_of(unit, 3, "Pemutakhiran Data")
    words = "Pemutakhiran “SIAKAD” – modul KRS & nilai"
    Steps({"requester": requester}).file(service, nov(24), subject=words)
    client.force_login(director)
    rows = csv_rows(client.get("/dasbor/permintaan.csv"))
    assert words in rows[1]
    assert words in xlsx_rows(client.get("/dasbor/permintaan.xlsx"))[1]


def test_the_export_costs_the_same_queries_for_more_rows(client, director, dataset, unit, today):
    client.force_login(director)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            body(client.get("/dasbor/permintaan.csv"))
            body(client.get("/dasbor/permintaan.xlsx"))
        return len(ctx)

    few = queries()
    service = service_of(unit, 3, "Tambahan")
    for day in (2, 3, 4, 5, 6, 9, 10, 11):
        Steps({"requester": dataset["today"].requester}).file(service, nov(day))
    assert queries() == few <= 20


def test_my_history_exports_only_my_own_requests(
    client, requester, other_requester, dataset, unit, today
):
    service = service_of(unit, 3, "Lain")
    theirs = Steps({"requester": other_requester}).file(service, nov(24))
    client.force_login(requester)
    files = exported(client, "/riwayat")
    mine = set(ServiceRequest.objects.filter(requester=requester).values_list("ticket", flat=True))
    assert files["csv"] == files["xlsx"] == mine
    assert theirs.ticket not in files["csv"]
    page = client.get("/riwayat/").content.decode()
    assert 'href="/riwayat.csv"' in page and 'href="/riwayat.xlsx"' in page


def visible(persona, people, dataset) -> set[str]:
    """What each role may see, written out from PRODUCT.md section 4."""
    everything = ServiceRequest.objects.all()
    if persona == "superadmin":
        found = everything
    elif persona in ("unit_admin", "director"):
        found = everything.filter(unit__slug="dtik")
    elif persona == "unit_admin_other_unit":
        found = everything.filter(unit__slug="perpus")
    elif persona == "staff":
        found = everything.filter(dispositions__staff=people["staff"]).distinct()
    else:
        found = everything.filter(requester=people[persona])
    return set(found.values_list("ticket", flat=True))


@pytest.mark.parametrize(
    "persona",
    [
        "requester",
        "other_requester",
        "unit_admin",
        "director",
        "staff",
        "unit_admin_other_unit",
        "superadmin",
    ],
)
def test_search_results_export_only_what_the_role_may_see(
    client, request, persona, dataset, unit, other_requester, today
):
    service = service_of(unit, 3, "Lain")
    Steps({"requester": other_requester}).file(service, nov(24))
    people = {
        name: request.getfixturevalue(name)
        for name in ["requester", "other_requester", "staff", persona]
    }
    client.force_login(people[persona])
    params = {"type": "requests", "since": "2026-01-01"}
    files = exported(client, "/pencarian", params)
    expected = visible(persona, people, dataset)
    assert files["csv"] == files["xlsx"] == expected
    if expected:
        page = client.get("/pencarian/", params).content.decode()
        assert 'href="/pencarian.csv?type=requests&amp;since=2026-01-01"' in page


def test_search_words_and_status_narrow_the_export(client, director, dataset, today):
    client.force_login(director)
    params = {"q": "modul", "status": Status.IN_PROGRESS}
    files = exported(client, "/pencarian", params)
    assert files["csv"] == files["xlsx"] == {dataset["in_progress"].ticket}


def test_a_bad_search_is_explained_not_exported(client, director):
    client.force_login(director)
    response = client.get("/pencarian.csv", {"since": "kemarin"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"].startswith("text/html")


def test_the_dashboard_as_a_pdf_holds_its_figures(client, director, dataset, today):
    client.force_login(director)
    page = client.get("/dasbor/", {"periode": "2026-11"})
    assert 'href="/dasbor.pdf?unit=dtik&amp;periode=2026-11"' in page.content.decode()
    response = client.get("/dasbor.pdf", {"unit": "dtik", "periode": "2026-11"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Dasbor Direktorat TIK" in text
    assert "Median waktu penyelesaian (hari kerja)" in text
    assert dataset["other_unit"].unit.name_id not in text


def test_the_dashboard_pdf_is_only_for_its_unit(client, unit_admin_other_unit, requester):
    client.force_login(unit_admin_other_unit)
    assert client.get("/dasbor.pdf", {"unit": "dtik"}).status_code == HTTPStatus.NOT_FOUND
    client.force_login(requester)
    assert client.get("/dasbor.pdf").status_code == HTTPStatus.FORBIDDEN
