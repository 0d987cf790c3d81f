"""The main pages run a bounded number of queries, the same with little and with more data
(make bench measures their speed; these keep a change from adding a query per row)."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.requests import workflow
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db

# (persona, address; {ticket} and {slug} filled in, most queries allowed). A signed-in page
# starts with two: the session, and the person with their roles and authenticator app
# (loket/accounts/backends.py); the header's two counts take one more (portal/header_counts.py).
PAGES = [
    (None, "/", 3),
    ("requester", "/", 6),
    (None, "/layanan/{slug}/", 3),
    ("requester", "/layanan/{slug}/", 5),
    ("requester", "/layanan/{slug}/permintaan/", 5),
    ("requester", "/riwayat/", 7),
    # Opening it marks its notifications read, so the page kept then is stale at once: the
    # next view renders it again, reading its versions and keeping it (portal/kept_pages.py).
    ("requester", "/permintaan/{ticket}/", 9),
    ("unit_admin", "/kotak-masuk/", 5),
    ("unit_admin", "/permintaan/{ticket}/", 9),
    ("director", "/kotak-masuk/", 5),
    ("staff", "/kotak-masuk/", 5),
    ("unit_admin", "/pencarian/?q=modul", 10),  # 9 on SQLite (no word suggestions)
    ("unit_admin", "/pencarian/?q={ticket}", 8),
    ("staff", "/pencarian/?q=modul", 8),  # 7 on SQLite, as above
    ("superadmin", "/pencarian/?q=modul", 8),
    ("director", "/dasbor/", 16),
    ("superadmin", "/dasbor/", 16),  # the whole university: the same queries, unfiltered
    # How far the daily roll-up reaches, then its rows and the months after it (or, before any
    # roll-up, the period's and the trend's completed requests apart); suggestions are counted
    # from their own index.
    ("director", "/skm/laporan/?periode=2026", 13),
]


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(ctx)


def more_history(req, *, admin, staff, count: int) -> None:
    for n in range(count):
        factories.submit(req.service, req.requester, application=req.application)
        workflow.add_note(req, by=staff, note=f"Catatan {n}", public=n % 2 == 0)


@pytest.mark.parametrize("persona, url, most", PAGES)
def test_a_page_costs_the_same_few_queries_with_more_data(
    client,
    request,
    in_progress,
    unit_admin,
    staff,
    persona,
    url,
    most,
    django_assert_max_num_queries,
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = url.format(ticket=in_progress.ticket, slug=in_progress.service.slug)
    few = queries(client, url)
    more_history(in_progress, admin=unit_admin, staff=staff, count=12)
    assert queries(client, url) <= few  # visitors get the kept page: none
    with django_assert_max_num_queries(most):
        client.get(url)


def test_buat_permintaan_saves_in_a_bounded_number_of_queries(
    client, requester, upgrade_service, application, django_assert_max_num_queries
):
    from loket.requests.tests.test_create_request import form_data

    client.force_login(requester)
    # 23 today (43 before the rate limit's counters left the database cache for one query).
    with django_assert_max_num_queries(23):
        response = client.post(
            f"/layanan/{upgrade_service.slug}/permintaan/", form_data(application)
        )
    assert response.status_code == HTTPStatus.FOUND


def test_a_workflow_action_runs_a_bounded_number_of_queries(
    client, in_progress, staff, django_assert_max_num_queries
):
    client.force_login(staff)
    data = {"add_note-note": "Sedang diuji", "add_note-public": "on"}
    with django_assert_max_num_queries(30):
        response = client.post(f"/permintaan/{in_progress.ticket}/add_note/", data)
    assert response.status_code == HTTPStatus.FOUND
    assert in_progress.events.filter(action="add_note").count() == 1
