"""The request list behind the figures: paginated, and its cost does not grow with the rows."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import Steps, nov, service_of

pytestmark = pytest.mark.django_db


def file_requests(count: int, service, requester) -> None:
    steps = Steps({"requester": requester})
    days = [2, 20, 23, 24]  # some rows for every filter below: old, due soon, this week
    for n in range(count):
        steps.file(service, nov(days[n % len(days)]))


def queries(client, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == HTTPStatus.OK
    return len(ctx)


@pytest.mark.parametrize(
    "params",
    [{}, {"age": "11+"}, {"due": "soon"}, {"status": "submitted", "since": "2026-11-01"}],
)
def test_the_list_costs_the_same_queries_for_more_rows(
    client, director, requester, unit, today, params
):
    service = service_of(unit, 3, "Layanan Uji")
    client.force_login(director)
    file_requests(3, service, requester)
    few = queries(client, "/dasbor/permintaan/", params)
    file_requests(52, service, requester)
    assert queries(client, "/dasbor/permintaan/", params) == few <= 20


def test_the_list_is_paginated(client, director, requester, unit, today):
    service = service_of(unit, 3, "Layanan Uji")
    file_requests(53, service, requester)
    client.force_login(director)
    first = client.get("/dasbor/permintaan/")
    assert len(first.context["requests"]) == 50
    assert first.context["page"].paginator.count == 53
    second = client.get("/dasbor/permintaan/", {"page": 2})
    assert len(second.context["requests"]) == 3
    tickets = {r.ticket for r in first.context["requests"]} | {
        r.ticket for r in second.context["requests"]
    }
    assert len(tickets) == 53
