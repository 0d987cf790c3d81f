"""The header says who is signed in: "Masuk sebagai <role>" / "Logged in as <role>"."""

import pytest

from loket.accounts.models import Role
from loket.accounts.tests.factories import UnitRoleFactory

pytestmark = pytest.mark.django_db


def test_it_reads_masuk_sebagai_admin_unit_in_indonesian(client, unit_admin):
    client.force_login(unit_admin)
    page = client.get("/").content.decode()
    assert "Masuk sebagai Admin Unit" in page
    assert "Admin Panel" in page


def test_it_reads_logged_in_as_unit_admin_in_english(client, unit_admin):
    client.force_login(unit_admin)
    assert "Logged in as Unit Admin" in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    ("persona", "indonesian", "english"),
    [
        ("requester", "Pemohon", "Requester"),
        ("director", "Direktur", "Director"),
        ("staff", "Staf", "Staff"),
        ("superadmin", "Superadmin", "Superadmin"),
    ],
)
def test_it_names_each_role(client, request, persona, indonesian, english):
    client.force_login(request.getfixturevalue(persona))
    assert f"Masuk sebagai {indonesian}" in client.get("/").content.decode()
    assert f"Logged in as {english}" in client.get("/en/").content.decode()


def test_it_names_every_role_a_person_holds(client, director, other_unit):
    UnitRoleFactory(user=director, unit=other_unit, role=Role.STAFF)
    assert "Masuk sebagai Direktur, Staf" in _page(client, director)


def test_the_admin_panel_link_is_for_unit_roles_and_superadmins(client, requester, staff):
    assert "Admin Panel" not in _page(client, requester)
    assert "Admin Panel" in _page(client, staff)


def _page(client, person) -> str:
    client.force_login(person)
    return client.get("/").content.decode()
