"""Buat Keluhan, the complaint's page and its buttons, Riwayat Saya and the inbox."""

from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.complaints.models import Complaint, Status
from loket.requests.tests import factories as request_factories
from loket.requests.tests.factories import pdf_bytes

pytestmark = pytest.mark.django_db


def form_url(service, lang=""):
    return f"{lang}{service.get_absolute_url()}keluhan/"


def test_the_service_page_leads_to_the_complaint_form(client, requester, service):
    client.force_login(requester)
    page = client.get(service.get_absolute_url()).content.decode()
    assert f'href="{form_url(service)}"' in page
    page = client.get(form_url(service)).content.decode()
    assert "<h1>Buat Keluhan</h1>" in page
    assert "Rahasiakan identitas saya" in page
    assert "Atau hubungi unit secara langsung" in page  # the unit's contact stays


def test_the_form_in_english(client, requester, service):
    client.force_login(requester)
    page = client.get(form_url(service, "/en")).content.decode()
    assert "<h1>Submit Complaint</h1>" in page
    assert "Keep my identity hidden from the staff who handle it" in page


def test_filing_a_complaint_with_a_file(client, requester, service, unit_admin):
    client.force_login(requester)
    mine = request_factories.submit(service, requester)
    response = client.post(
        form_url(service),
        {
            "subject": "Petugas tidak ramah",
            "description": "Saya dilayani dengan kasar di loket.",
            "related_request": mine.pk,
            "hide_identity": "on",
            "files": SimpleUploadedFile("bukti.pdf", pdf_bytes(), "application/pdf"),
        },
    )
    complaint = Complaint.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"/keluhan/{complaint.ticket}/"
    assert complaint.hide_identity and complaint.related_request == mine
    assert complaint.files.get().name == "bukti.pdf"
    page = client.get(response["Location"]).content.decode()
    assert complaint.ticket in page and "Diterima" in page
    assert complaint.verify_due.strftime("%Y") in page  # the deadlines are shown


def test_bad_input_changes_nothing_and_says_why(client, requester, other_requester, service):
    client.force_login(requester)
    theirs = request_factories.submit(service, other_requester)
    response = client.post(
        form_url(service),
        {
            "subject": "",
            "description": "x",
            "related_request": theirs.pk,
            "files": SimpleUploadedFile("bukti.pdf", b"not a pdf", "application/pdf"),
        },
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert not Complaint.objects.exists()
    assert "Bidang ini tidak boleh kosong" in response.content.decode()


def test_every_role_works_on_the_one_page(client, received, unit_admin, staff, requester):
    url = received.get_absolute_url()
    client.force_login(unit_admin)
    page = client.get(url).content.decode()
    assert "Verifikasi" in page and "Bukan Wewenang" in page
    response = client.post(f"{url}verify/", {"verify-note": "Lengkap."})
    assert response.status_code == HTTPStatus.FOUND
    response = client.post(f"{url}assign/", {"assign-staff": staff.unit_roles.get().pk})
    received.refresh_from_db()
    assert received.status == Status.IN_FOLLOW_UP and received.assigned_staff == staff

    client.force_login(staff)
    client.post(f"{url}answer/", {"answer-text": "Sudah kami tindak lanjuti."})
    received.refresh_from_db()
    assert received.status == Status.ANSWERED

    client.force_login(requester)
    page = client.get(url).content.decode()
    assert "Sudah kami tindak lanjuti." in page and "Buka Kembali" in page
    client.post(f"{url}confirm/", {})
    received.refresh_from_db()
    assert received.status == Status.RESOLVED


def test_a_refused_action_says_so_and_changes_nothing(client, received, unit_admin):
    client.force_login(unit_admin)
    url = received.get_absolute_url()
    response = client.post(f"{url}reject/", {"reject-reason": ""})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    client.post(f"{url}verify/", {})
    response = client.post(f"{url}verify/", {}, follow=True)
    assert "sudah Diverifikasi" in response.content.decode()
    assert received.events.count() == 2
    assert client.post(f"{url}no-such-action/", {}).status_code == HTTPStatus.NOT_FOUND


def test_history_and_inbox_list_complaints(
    client, received, requester, unit_admin, django_assert_max_num_queries
):
    client.force_login(requester)
    with django_assert_max_num_queries(12):
        page = client.get("/riwayat/").content.decode()
    assert received.ticket in page and "Keluhan" in page
    client.force_login(unit_admin)
    with django_assert_max_num_queries(16):
        page = client.get("/kotak-masuk/").content.decode()
    assert received.ticket in page


def test_list_queries_do_not_grow_with_the_complaints(
    client, service, requester, unit_admin, django_assert_max_num_queries
):
    from .conftest import file_complaint

    for _ in range(8):
        file_complaint(service, requester, hide_identity=True)
    client.force_login(unit_admin)
    with django_assert_max_num_queries(16):
        assert client.get("/kotak-masuk/").status_code == HTTPStatus.OK
    client.force_login(requester)
    with django_assert_max_num_queries(12):
        assert client.get("/riwayat/").status_code == HTTPStatus.OK


def test_the_complaint_page_queries_are_bounded(
    client, answered, unit_admin, django_assert_max_num_queries
):
    client.force_login(unit_admin)
    with django_assert_max_num_queries(20):
        assert client.get(answered.get_absolute_url()).status_code == HTTPStatus.OK


def test_the_receipt_is_a_pdf(client, received, requester):
    client.force_login(requester)
    response = client.get(f"{received.get_absolute_url()}tanda-terima.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_files_download_with_nosniff(client, received, requester):
    client.force_login(requester)
    attachment = received.files.get()
    response = client.get(f"{received.get_absolute_url()}berkas/{attachment.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
