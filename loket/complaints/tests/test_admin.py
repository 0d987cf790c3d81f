"""The unit's complaint deadlines in the Admin Panel: each Admin Unit keeps its own unit's."""

from http import HTTPStatus

import pytest

from loket.complaints.models import UnitSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def settings_rows(unit, other_unit):
    return UnitSettings.objects.create(unit=unit), UnitSettings.objects.create(unit=other_unit)


def test_the_admin_unit_changes_its_units_deadlines(client, unit_admin, settings_rows, unit):
    own, other = settings_rows
    client.force_login(unit_admin)
    page = client.get("/admin/complaints/unitsettings/").content.decode()
    assert f"/admin/complaints/unitsettings/{own.pk}/change/" in page
    assert f"/admin/complaints/unitsettings/{other.pk}/change/" not in page
    response = client.post(
        f"/admin/complaints/unitsettings/{own.pk}/change/",
        {
            "unit": unit.pk,
            "verify_days": 2,
            "answer_days": 14,
            "extension_days": 7,
            "reopen_days": 10,
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    own.refresh_from_db()
    assert (own.verify_days, own.answer_days, own.reopen_days) == (2, 14, 10)
    response = client.get(f"/admin/complaints/unitsettings/{other.pk}/change/")
    assert response.status_code == HTTPStatus.FOUND and response["Location"] == "/admin/"


def test_the_director_reads_them_and_the_staff_do_not_see_them(
    client, director, staff, settings_rows
):
    own, _other = settings_rows
    client.force_login(director)
    page = client.get(f"/admin/complaints/unitsettings/{own.pk}/change/").content.decode()
    assert 'name="_save"' not in page
    client.force_login(staff)
    response = client.get("/admin/complaints/unitsettings/")
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_the_complaint_list_in_the_admin_panel_names_no_complainant(client, unit_admin, hidden):
    client.force_login(unit_admin)
    page = client.get(f"/admin/complaints/complaint/{hidden.pk}/change/").content.decode()
    assert hidden.ticket in page and str(hidden.complainant) not in page
