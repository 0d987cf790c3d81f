"""The dashboard's complaints section: each figure equals what is counted here from the complaints
themselves, links to exactly those complaints, agrees with the Complaints report, and never shows
who complained."""

import datetime
import statistics
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from loket.complaints import reports
from loket.complaints import workflow as complaints
from loket.complaints.models import Complaint, Status
from loket.workdays.calendar import working_days_between
from loket.workdays.service import closed_days

from .conftest import TODAY, at, nov, service_of

pytestmark = pytest.mark.django_db
NOT_HANDLED = (Status.REJECTED, Status.NOT_OUR_REMIT)


def file(service, person, day, *, hidden=False):
    details = complaints.Details(
        subject="Antrean terlalu lama", description="Menunggu dua jam.", hide_identity=hidden
    )
    with time_machine.travel(at(day), tick=False):
        return complaints.submit(service, complainant=person, details=details)


def step(day, action, complaint, **kwargs):
    with time_machine.travel(at(day, 11), tick=False):
        return getattr(complaints, action)(complaint, **kwargs)


@pytest.fixture
def filed(dataset, unit, other_unit, requester, other_requester, unit_admin, staff):
    """Complaints of the unit at every step (one hidden), in November and before; and two of
    another unit, which must never count for the unit."""
    service = service_of(unit, 5, "Layanan Keluhan", "Complaint Service")
    elsewhere = service_of(other_unit, 5, "Pinjam Buku", "Book Loan")
    admin = {"by": unit_admin}
    c = {}
    c["new"] = file(service, requester, nov(24))
    c["unverified_late"] = file(service, other_requester, nov(16), hidden=True)
    c["unanswered_late"] = step(nov(3), "verify", file(service, requester, nov(2)), **admin)
    on_time = step(nov(10), "verify", file(service, requester, nov(9)), **admin)
    on_time = step(nov(10), "assign", on_time, staff=staff, **admin)
    c["answered_on_time"] = step(nov(12), "answer", on_time, by=staff, text="Sudah.")
    late = step(nov(3), "verify", file(service, requester, nov(2)), **admin)
    c["answered_late"] = step(nov(20), "answer", late, by=unit_admin, text="Maaf terlambat.")
    resolved = step(nov(4), "verify", file(service, other_requester, nov(3)), **admin)
    resolved = step(nov(5), "answer", resolved, by=unit_admin, text="Sudah diperbaiki.")
    c["resolved"] = step(nov(6), "confirm", resolved, by=other_requester)
    c["rejected"] = step(
        nov(5), "reject", file(service, requester, nov(5)), reason="Bukan keluhan.", **admin
    )
    c["referred"] = step(
        nov(6), "not_our_remit", file(service, requester, nov(6)), unit=other_unit, **admin
    )
    c["october"] = file(service, requester, datetime.date(2026, 10, 20))
    c["other_unit"] = file(elsewhere, requester, nov(24))
    c["other_unit_late"] = file(elsewhere, requester, datetime.date(2026, 10, 1))
    for complaint in c.values():
        complaint.refresh_from_db()
    return c


def section(client, **params):
    response = client.get("/dasbor/", params)
    assert response.status_code == HTTPStatus.OK
    found = {section.key: rows for section, rows in response.context["sections"]}
    return {figure.label: (figure, href) for figure, href in found["complaints"]}


def listed(client, href: str) -> set[str]:
    assert urlsplit(href).path == "/dasbor/keluhan/"
    response = client.get(href)
    assert response.status_code == HTTPStatus.OK
    assert response.context["page"].paginator.num_pages == 1
    return {complaint.ticket for complaint in response.context["page"].object_list}


def tickets(found) -> set[str]:
    return {complaint.ticket for complaint in found}


def in_november(complaint) -> bool:
    return nov(1) <= timezone.localdate(complaint.submitted_at) <= nov(30)


@pytest.fixture
def mine(filed, unit):
    return list(Complaint.objects.filter(unit=unit))


def expected(found: list[Complaint]) -> dict:
    """The section's figures, counted from the rows as the Complaints report defines them."""
    received = [c for c in found if in_november(c)]
    handled = [c for c in received if c.status not in NOT_HANDLED]
    answered = [c for c in handled if c.first_answered_at]
    due = answered + [c for c in handled if not c.first_answered_at and c.answer_due < TODAY]
    overdue = [
        c
        for c in found
        if (c.status == Status.RECEIVED and c.verify_due < TODAY)
        or (c.status in (Status.VERIFIED, Status.IN_FOLLOW_UP) and c.answer_due < TODAY)
    ]
    return {
        "received": received,
        "answered": answered,
        "on_time": [c for c in answered if c.answered_on_time],
        "due": due,
        "overdue": overdue,
    }


def test_complaints_by_status_overdue_and_answered_on_time(client, director, mine, unit, today):
    client.force_login(director)
    rows = section(client)
    want = expected(mine)
    for status, label in Status.choices:
        figure, href = rows[str(label)]
        those = [c for c in want["received"] if c.status == status]
        assert figure.value == len(those), label
        assert listed(client, href) == tickets(those), label
    figure, href = rows["Semua keluhan diterima"]
    assert figure.value == len(want["received"]) == 8
    assert listed(client, href) == tickets(want["received"])

    figure, href = rows["Keluhan terbuka yang terlambat"]
    assert figure.value == len(want["overdue"]) == 3  # unverified, unanswered, and October's
    assert listed(client, href) == tickets(want["overdue"])

    figure, href = rows["Dijawab tepat waktu"]
    share = round(100 * len(want["on_time"]) / len(want["due"]), 1)
    assert figure.value == f"{share}%" and figure.count == len(want["on_time"]) == 2
    assert listed(client, href) == tickets(want["on_time"])

    closed = closed_days(unit, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31))
    days = [
        working_days_between(
            timezone.localdate(c.submitted_at),
            timezone.localdate(c.first_answered_at),
            closed=closed,
        )
        for c in want["answered"]
    ]
    figure, href = rows["Median hari kerja sampai dijawab"]
    assert figure.value == statistics.median(days)
    assert listed(client, href) == tickets(want["answered"])


def test_the_figures_agree_with_the_complaints_report(client, director, filed, today):
    client.force_login(director)
    rows = section(client)
    (row,) = reports.build(director, since=nov(1), until=nov(30), unit=None)
    assert rows["Semua keluhan diterima"][0].value == row.received
    assert rows["Dijawab tepat waktu"][0].value == f"{row.on_time_share}%"
    assert rows["Median hari kerja sampai dijawab"][0].value == row.median_answer


def test_the_superadmin_counts_the_whole_university(client, superadmin, filed, today):
    client.force_login(superadmin)
    everyone = expected(list(Complaint.objects.all()))
    rows = section(client)
    figure, href = rows["Keluhan terbuka yang terlambat"]
    assert figure.value == len(everyone["overdue"]) == 4
    assert filed["other_unit_late"].ticket in listed(client, href)
    assert section(client, unit="dtik")["Keluhan terbuka yang terlambat"][0].value == 3


@pytest.mark.parametrize("persona", ["director", "unit_admin"])
def test_hidden_identities_never_appear(client, request, persona, filed, other_requester, today):
    client.force_login(request.getfixturevalue(persona))
    name = str(other_requester)
    pages = [client.get("/dasbor/"), client.get("/en/dasbor/")]
    rows = section(client)
    pages += [client.get(href) for _figure, href in rows.values()]
    assert filed["unverified_late"].ticket in listed(
        client, rows["Keluhan terbuka yang terlambat"][1]
    )
    for page in pages:
        assert page.status_code == HTTPStatus.OK
        assert name not in page.content.decode()
        assert other_requester.email not in page.content.decode()


def test_the_complaint_list_is_only_the_units(client, unit_admin_other_unit, filed, today):
    client.force_login(unit_admin_other_unit)
    assert client.get("/dasbor/keluhan/", {"unit": "dtik"}).status_code == HTTPStatus.NOT_FOUND
    shown = listed(client, "/dasbor/keluhan/?due=overdue")
    assert shown == {filed["other_unit_late"].ticket}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "2026-11-30", "until": "2026-11-01"}, "until"),
        ({"answered": "maybe"}, "answered"),
    ],
)
def test_a_bad_complaint_filter_is_explained(client, director, params, field):
    client.force_login(director)
    response = client.get("/dasbor/keluhan/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors[field]
    assert 'role="alert"' in response.content.decode()


def test_more_complaints_cost_no_more_queries(
    client, director, filed, requester, unit_admin, today
):
    client.force_login(director)
    with CaptureQueriesContext(connection) as few:
        client.get("/dasbor/")
    service = filed["new"].service
    for day in (2, 9, 16, 23):
        verified = step(nov(day + 1), "verify", file(service, requester, nov(day)), by=unit_admin)
        step(nov(day + 1), "answer", verified, by=unit_admin, text="Sudah.")
    with CaptureQueriesContext(connection) as more:
        assert client.get("/dasbor/").status_code == HTTPStatus.OK
    # "<=": the first view may also fold its unit's change marks (portal/kept_pages.py).
    assert len(more) <= len(few) <= 35


def test_the_section_opens_the_complaints_report_of_its_period(client, director, filed, today):
    client.force_login(director)
    response = client.get("/dasbor/")
    (complaints,) = [s for s, _rows in response.context["sections"] if s.key == "complaints"]
    ((url, _label),) = complaints.links
    report = client.get(url)
    assert report.status_code == HTTPStatus.OK
    (row,) = report.context["rows"]
    assert row.received == section(client)["Semua keluhan diterima"][0].value
