"""Every opening of a request's file by someone other than its requester is logged, and the
log is readable in the Admin Panel by Superadmins and the unit's Admin Unit only."""

import pytest

from loket.requests.models import FileAccess

pytestmark = pytest.mark.django_db


def open_letter(client, person, req):
    client.force_login(person)
    letter = req.current_letter
    response = client.get(f"{req.get_absolute_url()}berkas/{letter.pk}/")
    assert response.status_code == 200
    return letter


def test_it_logs_who_opened_which_file_when(client, unit_admin, submitted):
    letter = open_letter(client, unit_admin, submitted)
    [access] = FileAccess.objects.all()
    assert (access.user, access.attachment, access.req) == (unit_admin, letter, submitted)


def test_the_requester_opening_their_own_letter_is_not_logged(client, requester, submitted):
    open_letter(client, requester, submitted)
    assert not FileAccess.objects.exists()


def test_a_refused_download_logs_nothing(client, unit_admin_other_unit, submitted):
    client.force_login(unit_admin_other_unit)
    letter = submitted.current_letter
    assert client.get(f"{submitted.get_absolute_url()}berkas/{letter.pk}/").status_code == 404
    assert not FileAccess.objects.exists()


def test_the_unit_admin_reads_the_log_in_the_admin_panel(client, unit_admin, director, submitted):
    open_letter(client, director, submitted)
    client.force_login(unit_admin)
    page = client.get("/admin/requests/fileaccess/")
    assert page.status_code == 200
    assert submitted.ticket in page.content.decode()


def test_another_units_admin_sees_none_of_it(client, unit_admin, unit_admin_other_unit, submitted):
    open_letter(client, unit_admin, submitted)
    client.force_login(unit_admin_other_unit)
    page = client.get("/admin/requests/fileaccess/")
    assert submitted.ticket not in page.content.decode()


def test_staff_and_directors_cannot_read_the_log(client, director, submitted):
    client.force_login(director)
    assert client.get("/admin/requests/fileaccess/").status_code == 403


def test_nobody_can_edit_or_delete_an_entry(client, superadmin, unit_admin, submitted):
    open_letter(client, unit_admin, submitted)
    access = FileAccess.objects.get()
    client.force_login(superadmin)
    assert client.get(f"/admin/requests/fileaccess/{access.pk}/change/").status_code == 200
    client.post(f"/admin/requests/fileaccess/{access.pk}/delete/", {"post": "yes"})
    assert FileAccess.objects.filter(pk=access.pk).exists()
