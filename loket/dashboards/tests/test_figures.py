"""Every dashboard figure equals the count computed here from the rows themselves, and its link
lists exactly those rows (acceptance 2 of issue 8)."""

import datetime
import statistics
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from http import HTTPStatus
from urllib.parse import urlsplit

import pytest
import time_machine
from django.utils import timezone

from loket.complaints import workflow as complaints_workflow
from loket.portal import kept_pages
from loket.requests.models import RUNNING, ServiceRequest, Status
from loket.surveys import ikm
from loket.surveys.models import Response
from loket.workdays.calendar import working_days_between
from loket.workdays.models import Closure
from loket.workdays.service import closed_days
from loket.workdays.service import due_date as add_working_days

from .conftest import TODAY, Steps, at, nov, service_of

pytestmark = pytest.mark.django_db
NOVEMBER = (nov(1), nov(30))
SEPTEMBER_2025 = datetime.date(2025, 9, 3)


def dataset_people(dataset, unit_admin, director) -> dict:
    return {"requester": dataset["today"].requester, "unit_admin": unit_admin, "director": director}


def file_complaint(service, person, day):
    details = complaints_workflow.Details(
        subject="Antrean terlalu lama", description="Menunggu dua jam.", hide_identity=False
    )
    with time_machine.travel(at(day), tick=False):
        return complaints_workflow.submit(service, complainant=person, details=details)


def dashboard(client, **params):
    response = client.get("/dasbor/", params)
    assert response.status_code == HTTPStatus.OK
    return {section.key: rows for section, rows in response.context["sections"]}


def listed(client, href: str) -> set[str]:
    """The tickets of the list a figure links to (all on one page)."""
    assert urlsplit(href).path == "/dasbor/permintaan/"
    response = client.get(href)
    assert response.status_code == HTTPStatus.OK
    page = response.context["page"]
    assert page.paginator.num_pages == 1
    return {req.ticket for req in page.object_list}


def tickets(requests) -> set[str]:
    return {req.ticket for req in requests}


def local(moment) -> datetime.date:
    return timezone.localdate(moment)


@pytest.fixture
def mine(dataset, unit):
    return [req for req in ServiceRequest.objects.filter(unit=unit)]


@pytest.fixture
def closed(unit):
    return closed_days(unit, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31))


def check(client, rows, expected: list[list]) -> None:
    """Each figure counts the expected requests, and its link lists exactly them."""
    assert len(rows) == len(expected)
    for (figure, href), requests in zip(rows, expected, strict=True):
        assert figure.value == len(requests), figure.label
        assert listed(client, href) == tickets(requests), figure.label


def test_requests_by_status_in_the_period(client, director, mine, today):
    client.force_login(director)
    rows = dashboard(client)["status"]
    filed = [r for r in mine if NOVEMBER[0] <= local(r.submitted_at) <= NOVEMBER[1]]
    check(client, rows, [[r for r in filed if r.status == s] for s in Status.values] + [filed])
    assert all(figure.value == 1 for figure, _href in rows[2:-1])
    assert rows[0][0].value == 2  # filed 24 and 25 Nov, still Diajukan


def test_new_requests_per_week(client, director, mine, today):
    client.force_login(director)
    rows = dashboard(client)["weeks"]
    monday = TODAY - datetime.timedelta(days=TODAY.weekday())
    weeks = [monday - datetime.timedelta(weeks=n) for n in range(11, -1, -1)]
    assert len(rows) == len(weeks)
    for (figure, href), start in zip(rows, weeks, strict=True):
        end = start + datetime.timedelta(days=6)
        expected = [r for r in mine if start <= local(r.submitted_at) <= end]
        assert figure.value == len(expected)
        assert listed(client, href) == tickets(expected)
    assert sum(figure.value for figure, _href in rows) == len(
        [r for r in mine if local(r.submitted_at) >= weeks[0]]
    )


def test_backlog_age_buckets(client, director, mine, closed, today):
    client.force_login(director)
    rows = dashboard(client)["age"]
    running = [r for r in mine if r.status in RUNNING]
    age = {
        r.ticket: working_days_between(local(r.submitted_at), TODAY, closed=closed) for r in running
    }
    buckets = [(0, 2), (3, 5), (6, 10), (11, 10_000)]
    for (figure, href), (low, high) in zip(rows, buckets, strict=False):
        expected = [r for r in running if low <= age[r.ticket] <= high]
        assert figure.value == len(expected), figure.label
        assert listed(client, href) == tickets(expected)
    total, href = rows[-1]
    assert total.value == len(running) and listed(client, href) == tickets(running)
    # By hand: filed 18 Nov, the 19th closed: 20, 23, 24, 25 → 4 working days.
    forwarded = next(r for r in running if r.status == Status.FORWARDED)
    assert age[forwarded.ticket] == 4


def test_due_soon_and_overdue(client, director, mine, unit, today):
    client.force_login(director)
    (soon, soon_href), (late, late_href) = dashboard(client)["deadlines"]
    horizon = add_working_days(unit, start=TODAY, days=2)
    running = [r for r in mine if r.status in RUNNING]
    expected_soon = [r for r in running if TODAY <= r.due_date <= horizon]
    expected_late = [r for r in running if r.due_date < TODAY]
    assert soon.value == len(expected_soon) and listed(client, soon_href) == tickets(expected_soon)
    assert late.value == len(expected_late) and listed(client, late_href) == tickets(expected_late)
    assert tickets(expected_late) == tickets(
        ServiceRequest.objects.filter(unit=unit).overdue(TODAY)
    )
    assert expected_soon and expected_late


def test_load_per_staff_member(client, director, dataset, staff, second_staff, mine, today):
    client.force_login(director)
    rows = dashboard(client)["staff"]
    load = Counter()
    at_work = {}
    for req in mine:
        if req.status in (Status.DISPOSED, Status.IN_PROGRESS):
            for person in req.dispositions.get(is_current=True).staff.all():
                load[person.pk] += 1
                at_work.setdefault(person.pk, []).append(req)
    assert [figure.value for figure, _h in rows] == [load[staff.pk], load[second_staff.pk]]
    for (_figure, href), person in zip(rows, [staff, second_staff], strict=True):
        assert listed(client, href) == tickets(at_work[person.pk])
    assert load == {staff.pk: 2, second_staff.pk: 1}


def test_completion_time_and_share_on_time(client, director, mine, closed, today):
    client.force_login(director)
    rows = dashboard(client)["completion"]
    done = [
        r for r in mine if r.completed_at and NOVEMBER[0] <= local(r.completed_at) <= NOVEMBER[1]
    ]
    days = [
        working_days_between(local(r.submitted_at), local(r.completed_at), closed=closed)
        for r in done
    ]
    on_time = [r for r in done if local(r.completed_at) <= r.due_date]
    late = [r for r in done if local(r.completed_at) > r.due_date]
    (
        (count, count_href),
        (median, median_href),
        (ok, ok_href),
        (bad, bad_href),
        (share, share_href),
    ) = rows
    assert count.value == len(done) and listed(client, count_href) == tickets(done)
    assert median.value == Decimal(str(statistics.median(days)))
    assert listed(client, median_href) == tickets(done)
    assert ok.value == len(on_time) and listed(client, ok_href) == tickets(on_time)
    assert bad.value == len(late) and listed(client, bad_href) == tickets(late)
    assert share.value == f"{round(100 * len(on_time) / len(done))}%"
    assert listed(client, share_href) == tickets(on_time)
    # By hand: 2→6 Nov is 4 working days, 3→10 Nov 5, 27 Oct→12 Nov 12; one of three on time.
    assert sorted(days) == [4, 5, 12] and median.value == 5 and share.value == "33%"


def test_the_satisfaction_index_of_the_period(client, director, dataset, unit, today):
    client.force_login(director)
    (index, href), (grade, _g), (respondents, _r) = dashboard(client)["ikm"]
    answers = list(Response.objects.filter(unit=unit, month=nov(1)))
    nrrs = [Fraction(sum(a.scores[n] for a in answers), len(answers)) for n in range(9)]
    assert index.value == ikm.ikm(nrrs)
    assert respondents.value == len(answers) == 1
    assert grade.value.startswith(ikm.grade(ikm.ikm(nrrs)).letter)
    assert href == "/skm/laporan/?unit=dtik&periode=2026-11"


def test_another_period_counts_its_own_requests(client, director, mine, today):
    client.force_login(director)
    rows = dashboard(client, periode="2026-10")["status"]
    filed = [
        r
        for r in mine
        if datetime.date(2026, 10, 1) <= local(r.submitted_at) <= datetime.date(2026, 10, 31)
    ]
    figure, href = rows[-1]
    assert figure.value == len(filed) == 2
    assert listed(client, href) == tickets(filed)


def test_the_superadmin_sees_the_whole_university(client, superadmin, dataset, today):
    client.force_login(superadmin)
    rows = dashboard(client)["age"]
    running = [r for r in ServiceRequest.objects.all() if r.status in RUNNING]
    total, href = rows[-1]
    assert total.value == len(running)
    assert listed(client, href) == tickets(running)
    assert dataset["other_unit"].ticket in listed(client, href)
    unit_rows = dashboard(client, unit="perpus")["age"]
    assert unit_rows[-1][0].value == 2


# The session; the person with their roles; the units they may choose; by status, per week; the
# calendars (units, closures); the open requests; staff load; completion; IKM (answers,
# population); complaints (by status, days to answer, overdue); the header's counts; and for
# keeping it (portal/kept_pages.py): no page kept by another process, its versions, keeping it.
PAGE_QUERIES = 19


def test_the_page_costs_the_same_queries_for_more_requests(
    client, director, dataset, unit, today, django_assert_num_queries
):
    client.force_login(director)
    with django_assert_num_queries(PAGE_QUERIES):
        client.get("/dasbor/")
    steps = Steps({"requester": dataset["today"].requester})
    service = service_of(unit, 3, "Tambahan")
    for day in (2, 9, 16, 23, 24):
        steps.file(service, nov(day))
    kept_pages.forget_locally()  # asked of another worker process, as the first time
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get("/dasbor/").status_code == HTTPStatus.OK


def test_the_superadmin_counts_each_unit_by_its_own_calendar(
    client, superadmin, dataset, unit, other_unit, today
):
    """The whole university's age buckets and due-soon figure, with one unit closed on 19 Nov
    and the other not: each request counted by its unit's working days."""
    # Filed on 17 Nov: 5 working days old in the unit closed on the 19th, 6 in the other.
    steps = Steps({"requester": dataset["today"].requester})
    steps.file(service_of(unit, 5, "Lisensi"), nov(17))
    steps.file(service_of(other_unit, 5, "Ruang Baca"), nov(17))
    client.force_login(superadmin)
    found = dashboard(client)
    running = [r for r in ServiceRequest.objects.all() if r.status in RUNNING]
    year = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    closed = {u.pk: closed_days(u, start=year[0], end=year[1]) for u in (unit, other_unit)}
    age = {
        r.ticket: working_days_between(local(r.submitted_at), TODAY, closed=closed[r.unit_id])
        for r in running
    }
    buckets = [(0, 2), (3, 5), (6, 10), (11, 10_000)]
    expected = [[r for r in running if low <= age[r.ticket] <= high] for low, high in buckets]
    check(client, found["age"], [*expected, running])
    horizon = {u.pk: add_working_days(u, start=TODAY, days=2) for u in (unit, other_unit)}
    soon = [r for r in running if TODAY <= r.due_date <= horizon[r.unit_id]]
    late = [r for r in running if r.due_date < TODAY]
    check(client, found["deadlines"], [soon, late])
    seventeenth = {r.unit_id: age[r.ticket] for r in running if local(r.submitted_at) == nov(17)}
    assert seventeenth == {unit.pk: 5, other_unit.pk: 6} and soon


def test_an_earlier_period_counts_working_days_by_its_own_closures(
    client, director, dataset, unit, unit_admin, staff, today, django_assert_num_queries
):
    """September 2025 is before the calendars the page reads for today's windows: the page reads
    that period's closures once, for the completion times and the complaints' days to answer."""
    Closure.objects.create(
        unit=unit, start_date=SEPTEMBER_2025, end_date=SEPTEMBER_2025, reason_id="Rapat kerja"
    )
    steps = Steps({**dataset_people(dataset, unit_admin, director)})
    service = service_of(unit, 5, "Audit Server", "Server Audit")
    done = steps.complete(
        steps.file(service, datetime.date(2025, 9, 1)),
        datetime.date(2025, 9, 2),
        datetime.date(2025, 9, 10),
        staff,
    )
    complaint = file_complaint(service, dataset["today"].requester, datetime.date(2025, 9, 1))
    with time_machine.travel(at(datetime.date(2025, 9, 2), 11), tick=False):
        complaint = complaints_workflow.verify(complaint, by=unit_admin)
    with time_machine.travel(at(datetime.date(2025, 9, 5), 11), tick=False):
        complaints_workflow.answer(complaint, by=unit_admin, text="Sudah diperbaiki.")
    client.force_login(director)
    with django_assert_num_queries(PAGE_QUERIES + 2):  # that period's units and closures
        found = dashboard(client, periode="2025-09")
    completed, median = found["completion"][0][0], found["completion"][1][0]
    assert completed.value == 1 and done.status == Status.COMPLETED
    closed = closed_days(unit, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31))
    days = working_days_between(local(done.submitted_at), local(done.completed_at), closed=closed)
    # By hand: 1 → 10 Sept 2025, the unit closed on the 3rd and the 5th a national holiday
    # (Maulid Nabi): 2, 4, 8, 9, 10 → 5 working days.
    assert median.value == days == 5
    labels = {str(figure.label): figure for figure, _href in found["complaints"]}
    # 1 → 5 Sept 2025: the 2nd and the 4th → 2 working days.
    assert labels["Median hari kerja sampai dijawab"].value == 2
