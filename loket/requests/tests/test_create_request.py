import io
from http import HTTPStatus

import pytest
from pypdf import PdfReader

from loket.catalog.tests.factories import ApplicationFactory
from loket.requests.models import ServiceRequest
from loket.requests.tests.factories import pdf_bytes, pdf_file

pytestmark = pytest.mark.django_db


def form_data(application, **overrides):
    data = {
        "application": application.pk,
        "subject": "Penambahan modul laporan",
        "description": "Mohon ditambahkan modul laporan semester.",
        "desired_features": "Ekspor PDF",
        "letter_number": "123/UN27.1/TI/2026",
        "letter_date": "2026-11-02",
        "signatory_name": "Dr. Contoh Pimpinan",
        "signatory_position": "Dekan",
        "requesting_unit": "Fakultas Teknik",
        "whatsapp": "0812-3456-7890",
        "letter": pdf_file(),
    }
    return {**data, **overrides}


def new_url(service) -> str:
    return f"/layanan/{service.slug}/permintaan/"


def test_it_asks_anonymous_visitors_to_sign_in(client, upgrade_service):
    response = client.get(new_url(upgrade_service))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/akun/login/")


def test_it_offers_only_in_house_applications_for_the_academic_community(
    client, requester, upgrade_service, application, unit
):
    ApplicationFactory(owner_unit=unit, name="Produk Berlisensi", developed_in_house=False)
    ApplicationFactory(owner_unit=unit, name="Portal Publik", audience="public")
    client.force_login(requester)
    page = client.get(new_url(upgrade_service)).content.decode()
    assert "SIAKAD" in page
    assert "Produk Berlisensi" not in page and "Portal Publik" not in page


def test_simpan_stores_the_request_and_shows_the_ticket(
    client, requester, upgrade_service, application
):
    client.force_login(requester)
    response = client.post(new_url(upgrade_service), form_data(application), follow=True)
    req = ServiceRequest.objects.get()
    assert response.redirect_chain[-1][0] == req.get_absolute_url()
    page = response.content.decode()
    assert req.ticket in page and "Diajukan" in page
    assert req.whatsapp == "+6281234567890"
    assert req.current_letter.name == "surat-permohonan.pdf"


def test_the_receipt_is_a_pdf_with_the_ticket_number(client, requester, submitted):
    client.force_login(requester)
    response = client.get(f"/permintaan/{submitted.ticket}/tanda-terima.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert submitted.ticket in text
    assert "Tanda Terima" in text


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"letter_date": "2099-01-01"}, "tidak boleh bertanggal di masa depan"),
        ({"whatsapp": "021-1234567"}, "bukan nomor ponsel"),
        ({"letter": None}, "tidak boleh kosong"),
        ({"subject": ""}, "tidak boleh kosong"),
    ],
)
def test_bad_input_changes_nothing_and_says_why(
    client, requester, upgrade_service, application, overrides, message
):
    client.force_login(requester)
    data = {k: v for k, v in form_data(application, **overrides).items() if v is not None}
    response = client.post(new_url(upgrade_service), data)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.content.decode().lower()
    assert not ServiceRequest.objects.exists()


def test_a_renamed_executable_is_refused(client, requester, upgrade_service, application):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(requester)
    fake = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    response = client.post(new_url(upgrade_service), form_data(application, letter=fake))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert not ServiceRequest.objects.exists()


def test_an_oversize_letter_is_refused(client, requester, upgrade_service, application, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    client.force_login(requester)
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("surat.pdf", pdf_bytes(pages=20))
    response = client.post(new_url(upgrade_service), form_data(application, letter=big))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert not ServiceRequest.objects.exists()


def _bad_uploads():
    from loket.uploads.tests import corpus

    whole = corpus.pdf()
    return {
        "renamed executable": (corpus.upload(corpus.ELF, "surat.pdf"), "tidak diterima"),
        "encrypted PDF": (
            corpus.upload(corpus.pdf(change=corpus.with_encryption), "surat.pdf"),
            "terenkripsi",
        ),
        "truncated PDF": (
            corpus.upload(whole[: len(whole) // 2], "surat.pdf"),
            "tidak dapat dibaca",
        ),
        "image bomb": (
            corpus.upload(corpus.png_declaring(60_000, 60_000), "scan.png", "image/png"),
            "piksel",
        ),
        "name with markup": (corpus.upload(whole, "<img src=x>.pdf"), "nama berkas"),
    }


@pytest.mark.parametrize("case", list(_bad_uploads()))
def test_bad_uploads_are_refused_and_nothing_is_stored(
    client, requester, upgrade_service, application, case
):
    letter, message = _bad_uploads()[case]
    client.force_login(requester)
    response = client.post(new_url(upgrade_service), form_data(application, letter=letter))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.content.decode().lower()
    assert not ServiceRequest.objects.exists()


def test_a_name_with_directories_is_stored_without_them(
    client, requester, upgrade_service, application
):
    from loket.uploads.tests import corpus

    client.force_login(requester)
    letter = corpus.upload(corpus.pdf(), "..\\..\\windows\\surat.pdf")
    client.post(new_url(upgrade_service), form_data(application, letter=letter))
    stored = ServiceRequest.objects.get().current_letter
    assert stored.name == "surat.pdf"
    assert ".." not in stored.file.name
