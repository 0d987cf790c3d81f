"""Roles are assigned in the Admin Panel: by a superadmin anywhere, by a Director in their unit."""

from http import HTTPStatus

import pytest

from loket.accounts.models import Role, UnitRole

pytestmark = pytest.mark.django_db


def assign(client, person, unit, role):
    return client.post(
        "/admin/accounts/unitrole/add/", {"person": person, "unit": unit.pk, "role": role}
    )


def test_a_director_assigns_a_role_in_their_own_unit(client, director, requester, unit):
    client.force_login(director)
    response = assign(client, requester.email, unit, Role.STAFF)
    assert response.status_code == HTTPStatus.FOUND
    assert UnitRole.objects.filter(user=requester, unit=unit, role=Role.STAFF).exists()


def test_a_director_cannot_assign_in_another_unit(client, director, requester, other_unit):
    client.force_login(director)
    response = assign(client, "pemohon", other_unit, Role.UNIT_ADMIN)
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert not UnitRole.objects.filter(user=requester).exists()


def test_a_director_sees_only_their_units_roles(client, director, unit_admin_other_unit):
    client.force_login(director)
    page = client.get("/admin/accounts/unitrole/").content.decode()
    assert "direktur" in page.lower()
    assert "adminperpus" not in page


def test_a_superadmin_assigns_in_any_unit(client, superadmin, requester, other_unit):
    client.force_login(superadmin)
    assign(client, "pemohon", other_unit, Role.DIRECTOR)
    assert UnitRole.objects.filter(user=requester, unit=other_unit, role=Role.DIRECTOR).exists()


def test_it_names_an_unknown_person_clearly(client, superadmin, unit):
    client.force_login(superadmin)
    response = assign(client, "tidak-ada", unit, Role.STAFF)
    assert "Tidak ada akun dengan nama pengguna atau e-mail ini" in response.content.decode()


@pytest.mark.parametrize("persona", ["unit_admin", "staff"])
def test_other_unit_roles_cannot_assign_roles(client, request, persona, requester, unit):
    client.force_login(request.getfixturevalue(persona))
    assert assign(client, "pemohon", unit, Role.STAFF).status_code == HTTPStatus.FORBIDDEN
    assert not UnitRole.objects.filter(user=requester).exists()
