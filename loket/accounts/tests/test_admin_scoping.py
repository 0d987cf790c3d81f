"""Each role × each unit-scoped Admin Panel page, for the person's own unit and another unit."""

from http import HTTPStatus

import pytest

from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory

pytestmark = pytest.mark.django_db

# persona: (what the list shows, the own unit's row, the other unit's row)
EXPECTED = {
    "requester": ("refused", "refused", "refused"),
    "staff": ("own", "read-only", "not found"),
    "director": ("own", "read-only", "not found"),
    "unit_admin": ("own", "editable", "not found"),
    "unit_admin_other_unit": ("other", "not found", "editable"),
    "superadmin": ("both", "editable", "editable"),
}
MODELS = {
    "service": lambda unit: ServiceFactory(unit=unit, name_id=f"Layanan {unit.code}"),
    "application": lambda unit: ApplicationFactory(owner_unit=unit, name=f"Aplikasi {unit.code}"),
}
PAGES = ["list", "own", "other"]


@pytest.fixture
def rows(unit, other_unit):
    return {model: (make(unit), make(other_unit)) for model, make in MODELS.items()}


def outcome(response, page, own, other) -> str:
    if response.status_code == HTTPStatus.FORBIDDEN:
        return "refused"
    if response.status_code == HTTPStatus.FOUND and response["Location"] == "/admin/":
        return "not found"
    assert response.status_code == HTTPStatus.OK, response.status_code
    html = response.content.decode()
    if page == "list":
        shown = {name for name, row in (("own", own), ("other", other)) if str(row) in html}
        return {frozenset({"own"}): "own", frozenset({"other"}): "other"}.get(
            frozenset(shown), "both" if shown else "none"
        )
    return "editable" if 'name="_save"' in html else "read-only"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("persona", EXPECTED)
def test_each_role_sees_only_its_units_rows(client, request, rows, persona, model, page):
    client.force_login(request.getfixturevalue(persona))
    own, other = rows[model]
    url = {
        "list": f"/admin/catalog/{model}/",
        "own": f"/admin/catalog/{model}/{own.pk}/change/",
        "other": f"/admin/catalog/{model}/{other.pk}/change/",
    }[page]
    assert outcome(client.get(url), page, own, other) == EXPECTED[persona][PAGES.index(page)]


def test_a_unit_admin_cannot_move_a_service_to_another_unit(client, unit_admin, rows, other_unit):
    client.force_login(unit_admin)
    service = rows["service"][0]
    response = client.get(f"/admin/catalog/service/{service.pk}/change/")
    unit_choices = response.context["adminform"].form.fields["unit"].queryset
    assert list(unit_choices.values_list("code", flat=True)) == ["DTIK"]


def test_another_units_admin_cannot_change_the_row(client, unit_admin_other_unit, rows):
    client.force_login(unit_admin_other_unit)
    service = rows["service"][0]
    client.post(f"/admin/catalog/service/{service.pk}/change/", {"name_id": "Diubah"})
    service.refresh_from_db()
    assert service.name_id == "Layanan DTIK"
