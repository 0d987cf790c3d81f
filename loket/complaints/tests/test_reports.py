"""Complaints per service and period, time to verify and to answer, share answered on time;
the page and its exports, read back."""

import csv
import datetime
import io

import pytest
import time_machine
from openpyxl import load_workbook

from loket.catalog.tests.factories import ServiceFactory
from loket.complaints import workflow

from .conftest import file_complaint

pytestmark = pytest.mark.django_db
WIB = datetime.timezone(datetime.timedelta(hours=7))
PERIOD = "?since=2026-11-01&until=2026-11-30"


def at(day):
    return time_machine.travel(datetime.datetime(2026, 11, day, 9, tzinfo=WIB))


@pytest.fixture
def november(service, requester, unit_admin, other_unit, other_requester):
    """Three complaints about one service filed Mon 2 November 2026, one about another."""
    with at(2):
        a, b, c = (file_complaint(service, requester) for _ in range(3))
        file_complaint(ServiceFactory(unit=service.unit, name_id="Layanan Kedua"), requester)
        file_complaint(ServiceFactory(unit=other_unit, name_id="Layanan Perpustakaan"), requester)
    with at(3):
        workflow.verify(a, by=unit_admin)  # 1 working day
    with at(5):
        workflow.verify(b, by=unit_admin)  # 3 working days
        workflow.reject(c, by=unit_admin, reason="Bukan keluhan.")  # 3 working days
        workflow.answer(a, by=unit_admin, text="Jawaban.")  # 3 working days, on time
    with at(18):
        workflow.answer(b, by=unit_admin, text="Jawaban terlambat.")  # 12 working days, late
    return service


def rows_of_csv(text):
    return list(csv.reader(io.StringIO(text)))


def test_the_report_counts_and_medians(client, november, unit_admin):
    with at(30):
        client.force_login(unit_admin)
        page = client.get(f"/keluhan/laporan/{PERIOD}").content.decode()
        lines = rows_of_csv(client.get(f"/keluhan/laporan.csv{PERIOD}").content.decode())
    assert "Laporan Keluhan" in page
    header, *rows = lines
    assert header[:3] == ["Unit", "Layanan", "Keluhan diterima"]
    by_service = {row[1]: row for row in rows}
    assert set(by_service) == {november.name, "Layanan Kedua"}  # not the other unit's
    # received, handled, answered, median to verify (1, 3, 3), to answer (3, 12), on time 1 of 2
    assert by_service[november.name][2:] == ["3", "2", "2", "3", "7.5", "50.0"]
    # Not verified yet, and its answer (due 16 November) never came: late.
    assert by_service["Layanan Kedua"][2:] == ["1", "1", "0", "", "", "0.0"]


def test_the_xlsx_holds_the_same_numbers(client, november, director):
    with at(30):
        client.force_login(director)
        response = client.get(f"/en/keluhan/laporan.xlsx{PERIOD}")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Unit", "Service", "Complaints received"]
    row = next(r for r in values if r[1] == november.name)
    assert row[2:] == [3, 2, 2, 3, 7.5, 50.0]


def test_a_period_outside_has_nothing(client, november, unit_admin):
    client.force_login(unit_admin)
    page = client.get("/keluhan/laporan/?since=2026-12-01&until=2026-12-31").content.decode()
    assert "Tidak ada keluhan pada periode ini." in page


def test_a_bad_period_is_refused_with_a_message(client, unit_admin):
    client.force_login(unit_admin)
    response = client.get("/keluhan/laporan/?since=2026-12-31&until=2026-12-01")
    assert response.status_code == 400
    assert "Awal periode jatuh setelah akhirnya." in response.content.decode()
    assert client.get("/keluhan/laporan.csv?since=kemarin").status_code == 400


def test_another_units_admin_sees_only_their_unit(client, november, unit_admin_other_unit):
    with at(30):
        client.force_login(unit_admin_other_unit)
        lines = rows_of_csv(client.get(f"/keluhan/laporan.csv{PERIOD}").content.decode())
    assert [row[1] for row in lines[1:]] == ["Layanan Perpustakaan"]
