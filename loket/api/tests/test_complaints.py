"""Complaints through /api/v1: filing, the whole path with a reopen, refusals, visibility and
the withheld identity."""

from http import HTTPStatus

import pytest

from loket.complaints.tests.conftest import file_complaint
from loket.requests.tests import factories as request_factories

from .conftest import letter

pytestmark = pytest.mark.django_db


def test_the_whole_path_through_the_api(api, service, requester, unit_admin, staff):
    me, admin, worker = api(requester), api(unit_admin), api(staff)
    mine = request_factories.submit(service, requester)
    response = me.post_form(
        "/complaints",
        {
            "service": service.slug,
            "subject": "Antrean lama",
            "description": "Dua jam menunggu.",
            "related_request": mine.ticket,
            "hide_identity": "true",
            "files": [letter("bukti.pdf")],
        },
    )
    assert response.status_code == HTTPStatus.CREATED, response.content
    body = response.json()
    ticket = body["ticket"]
    assert ticket.startswith("K-DTIK-") and body["status"] == "received"
    assert body["related_request"] == mine.ticket and body["files"][0]["name"] == "bukti.pdf"
    assert [c["ticket"] for c in me.get("/complaints").json()] == [ticket]

    assert admin.post(f"/complaints/{ticket}/verify").json()["status"] == "verified"
    body = admin.post(f"/complaints/{ticket}/assign", {"staff": staff.pk}).json()
    assert body["status"] == "in_follow_up"
    body = worker.post(f"/complaints/{ticket}/answer", {"text": "Sudah."}).json()
    assert body["status"] == "answered"
    assert me.post(f"/complaints/{ticket}/reopen", {"reason": "Belum."}).json()["actions"] == []
    worker.post(f"/complaints/{ticket}/answer", {"text": "Sekarang sudah."})
    body = me.post(f"/complaints/{ticket}/confirm").json()
    assert body["status"] == "resolved" and body["answer"] == "Sekarang sudah."


def test_the_staff_never_read_a_withheld_identity(api, service, requester, unit_admin, staff):
    requester.full_name = "Siti Rahasia Wulandari"
    requester.save()
    complaint = file_complaint(service, requester, hide_identity=True)
    ticket = complaint.ticket
    api(unit_admin).post(f"/complaints/{ticket}/verify")
    api(unit_admin).post(f"/complaints/{ticket}/assign", {"staff": staff.pk})
    # The complainant's own steps (here: reopening) are withheld too.
    api(staff).post(f"/complaints/{ticket}/answer", {"text": "Sudah."})
    api(requester).post(f"/complaints/{ticket}/reopen", {"reason": "Belum."})
    response = api(staff).get(f"/complaints/{ticket}")
    assert response.status_code == HTTPStatus.OK
    assert "Siti Rahasia" not in response.content.decode()
    assert response.json()["complainant"] == "Pelapor dirahasiakan"
    assert "Siti Rahasia" in api(unit_admin).get(f"/complaints/{ticket}").content.decode()


def test_refusals_have_their_status(
    api, service, requester, other_requester, unit_admin, unit_admin_other_unit, director
):
    ticket = file_complaint(service, requester).ticket
    for outsider in (other_requester, unit_admin_other_unit):
        assert api(outsider).get(f"/complaints/{ticket}").status_code == HTTPStatus.NOT_FOUND
        response = api(outsider).post(f"/complaints/{ticket}/verify")
        assert response.status_code == HTTPStatus.NOT_FOUND
    assert api(director).post(f"/complaints/{ticket}/verify").status_code == HTTPStatus.FORBIDDEN
    response = api(unit_admin).post(f"/complaints/{ticket}/reject", {"reason": ""})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    api(unit_admin).post(f"/complaints/{ticket}/verify")
    response = api(unit_admin).post(f"/complaints/{ticket}/verify")
    assert (
        response.status_code == HTTPStatus.CONFLICT and "Diverifikasi" in response.json()["detail"]
    )


def test_a_complaint_about_someone_elses_request_is_refused(
    api, service, requester, other_requester
):
    theirs = request_factories.submit(service, other_requester)
    request_factories.submit(service, requester)
    response = api(requester).post_form(
        "/complaints",
        {
            "service": service.slug,
            "subject": "x",
            "description": "y",
            "related_request": theirs.ticket,
        },
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "related_request" in response.json()["errors"]
