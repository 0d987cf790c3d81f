"""Acceptance 4: another unit's roles, other requesters and unassigned staff get a 404 for the
complaint's page, its files, its receipt and its actions."""

from http import HTTPStatus

import pytest

from loket.complaints.models import Status

pytestmark = pytest.mark.django_db

OUTSIDERS = ["other_requester", "unit_admin_other_unit"]


def urls(complaint):
    base = complaint.get_absolute_url()
    file_id = complaint.files.get().pk
    return [base, f"{base}tanda-terima.pdf", f"{base}berkas/{file_id}/"]


@pytest.mark.parametrize("persona", [*OUTSIDERS, "staff"])
def test_outsiders_get_404_for_pages_and_files(client, request, received, persona):
    client.force_login(request.getfixturevalue(persona))
    for url in urls(received):
        assert client.get(url).status_code == HTTPStatus.NOT_FOUND, url
        assert client.get(f"/en{url}").status_code == HTTPStatus.NOT_FOUND, url


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize(
    "action,data",
    [
        ("verify", {}),
        ("reject", {"reject-reason": "x"}),
        ("answer", {"answer-text": "x"}),
        ("confirm", {}),
    ],
)
def test_outsiders_get_404_for_actions(client, request, received, persona, action, data):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(f"{received.get_absolute_url()}{action}/", data)
    assert response.status_code == HTTPStatus.NOT_FOUND
    received.refresh_from_db()
    assert received.status == Status.RECEIVED and received.events.count() == 1


def test_staff_see_only_what_is_assigned_to_them(client, in_follow_up, staff, director):
    for person in (staff, director):
        client.force_login(person)
        for url in urls(in_follow_up):
            assert client.get(url).status_code == HTTPStatus.OK, url


def test_a_visible_complaint_refuses_an_action_of_the_wrong_role(client, received, director):
    client.force_login(director)
    response = client.post(f"{received.get_absolute_url()}verify/", {}, follow=True)
    assert "Anda tidak dapat" in response.content.decode()
    received.refresh_from_db()
    assert received.status == Status.RECEIVED


def test_signed_out_visitors_are_sent_to_sign_in(client, received, service):
    for url in (received.get_absolute_url(), f"{service.get_absolute_url()}keluhan/"):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/akun/login/")


def test_the_report_is_for_unit_admins_and_directors(client, requester, staff, director):
    for person, expected in ((requester, 403), (staff, 403), (director, 200)):
        client.force_login(person)
        assert client.get("/keluhan/laporan/").status_code == expected
