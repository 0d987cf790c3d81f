"""The inbox and Riwayat Saya cost the same number of queries for 3 requests as for 20."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.portal import kept_pages
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(ctx)


def file_requests(count, upgrade_service, requester, application):
    for _ in range(count):
        factories.submit(upgrade_service, requester, application=application)


@pytest.mark.parametrize(
    "persona, url", [("requester", "/riwayat/"), ("unit_admin", "/kotak-masuk/")]
)
def test_list_pages_do_not_grow_with_the_requests(
    client, request, persona, url, upgrade_service, requester, application
):
    client.force_login(request.getfixturevalue(persona))
    file_requests(3, upgrade_service, requester, application)
    few = queries(client, url)
    file_requests(17, upgrade_service, requester, application)
    kept_pages.forget_locally()  # asked of another worker process, as the first time
    assert queries(client, url) == few
    assert few <= 15


def test_the_request_page_runs_a_bounded_number_of_queries(client, in_progress, director):
    client.force_login(director)
    for n in range(10):
        from loket.requests import workflow

        staff = in_progress.dispositions.get().staff.get()
        workflow.add_note(in_progress, by=staff, note=f"Catatan {n}", public=n % 2 == 0)
    assert queries(client, in_progress.get_absolute_url()) <= 20
