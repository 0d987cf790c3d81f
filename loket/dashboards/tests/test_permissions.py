"""Who gets which dashboard: their own unit's, the whole university for a superadmin, nobody
else's (PRODUCT.md section 4). Staff and requesters have none."""

from http import HTTPStatus

import pytest

from loket.accounts.models import Role
from loket.accounts.tests.factories import UnitRoleFactory

pytestmark = pytest.mark.django_db
PAGES = [
    "/dasbor/",
    "/dasbor/permintaan/",
    "/dasbor/keluhan/",
    "/dasbor/permintaan.csv",
    "/dasbor/permintaan.xlsx",
]


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("persona", ["requester", "staff"])
def test_people_without_a_unit_overview_are_refused(client, request, persona, url):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN


@pytest.mark.parametrize("url", PAGES)
def test_another_units_dashboard_is_not_there(client, unit, unit_admin_other_unit, url):
    client.force_login(unit_admin_other_unit)
    assert client.get(url, {"unit": unit.slug}).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("url", PAGES)
def test_signing_in_comes_first(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.FOUND
    assert "/akun/" in response["Location"]


@pytest.mark.parametrize("persona", ["unit_admin", "director"])
def test_unit_roles_see_their_own_unit(client, request, persona, unit, other_unit):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/dasbor/")
    assert response.status_code == HTTPStatus.OK
    assert response.context["snapshot"].scope.unit == unit
    assert client.get("/dasbor/", {"unit": other_unit.slug}).status_code == HTTPStatus.NOT_FOUND


def test_someone_in_two_units_chooses_with_the_unit_parameter(client, director, other_unit):
    UnitRoleFactory(user=director, unit=other_unit, role=Role.UNIT_ADMIN)
    client.force_login(director)
    response = client.get("/dasbor/", {"unit": other_unit.slug})
    assert response.context["snapshot"].scope.unit == other_unit
    assert b'name="unit"' in response.content and other_unit.name_id.encode() in response.content


def test_the_superadmin_chooses_the_university_or_any_unit(client, superadmin, unit):
    client.force_login(superadmin)
    assert client.get("/dasbor/").context["snapshot"].scope.unit is None
    assert client.get("/dasbor/", {"unit": unit.slug}).context["snapshot"].scope.unit == unit
    assert client.get("/dasbor/", {"unit": "tidak-ada"}).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    "persona, shown",
    [("director", True), ("unit_admin", True), ("staff", False), ("requester", False)],
)
def test_the_header_links_the_dashboard_for_its_roles(client, request, persona, shown):
    client.force_login(request.getfixturevalue(persona))
    page = client.get("/").content.decode()
    assert ('href="/dasbor/"' in page) is shown


def test_the_english_dashboard(client, director):
    client.force_login(director)
    response = client.get("/en/dasbor/")
    assert response.status_code == HTTPStatus.OK
    assert "<h1>Dashboard</h1>" in response.content.decode()
    assert 'href="/en/dasbor/permintaan/' in response.content.decode()


@pytest.mark.parametrize(
    "params, field",
    [
        ({"since": "kemarin"}, "since"),
        ({"since": "2026-11-10", "until": "2026-11-01"}, "until"),
        ({"status": "lost"}, "status"),
        ({"age": "99"}, "age"),
        ({"staff": "999999"}, "staff"),
        ({"service": "tidak-ada"}, "service"),
        ({"on_time": "maybe"}, "on_time"),
    ],
)
def test_a_bad_filter_is_explained_not_a_server_error(client, director, params, field):
    client.force_login(director)
    response = client.get("/dasbor/permintaan/", params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.context["form"].errors[field]
    assert 'role="alert"' in response.content.decode()
    exported = client.get("/dasbor/permintaan.csv", params)
    assert exported.status_code == HTTPStatus.BAD_REQUEST


def test_a_bad_period_falls_back_to_this_month(client, director):
    client.force_login(director)
    response = client.get("/dasbor/", {"periode": "2026-13", "jenis": "abad"})
    assert response.status_code == HTTPStatus.OK
    assert response.context["snapshot"].period.kind == "month"
