"""The upload corpus, built here, through Buat Permintaan and the API: each file is refused with
a message that says why, and nothing is stored (no request, no file in private storage)."""

from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.requests.models import ServiceRequest
from loket.requests.tests.test_create_request import form_data, new_url
from loket.uploads.tests import corpus
from loket.uploads.tests.test_polyglots import zip_archive

pytestmark = pytest.mark.django_db
PDF = corpus.pdf()
# case: (content, name, content type, words of the Indonesian refusal)
CORPUS = {
    "PDF + ZIP polyglot": (PDF + zip_archive(), "surat.pdf", "application/pdf", "isi lain"),
    "JPEG + HTML polyglot": (
        corpus.image("JPEG") + b"<html><script>alert(1)</script>",
        "scan.jpg",
        "image/jpeg",
        "isi lain",
    ),
    "PDF with JavaScript": (
        corpus.pdf(change=corpus.with_document_javascript),
        "surat.pdf",
        "application/pdf",
        "javascript",
    ),
    "PDF with an embedded file": (
        corpus.pdf(change=corpus.with_attachment),
        "surat.pdf",
        "application/pdf",
        "lampiran",
    ),
    "encrypted PDF": (
        corpus.pdf(change=corpus.with_encryption),
        "surat.pdf",
        "application/pdf",
        "terenkripsi",
    ),
    "truncated PDF": (PDF[: len(PDF) // 2], "surat.pdf", "application/pdf", "tidak dapat dibaca"),
    "PNG decompression bomb": (
        corpus.png_declaring(60_000, 60_000),
        "scan.png",
        "image/png",
        "piksel",
    ),
    "huge image": (corpus.png_declaring(9_000, 5_000), "scan.png", "image/png", "piksel"),
    "executable named .pdf": (corpus.EXE, "surat.pdf", "application/pdf", "tidak diterima"),
    "web page named .pdf": (corpus.HTML, "surat.pdf", "application/pdf", "tidak diterima"),
    "SVG named .png": (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        "scan.png",
        "image/png",
        "tidak diterima",
    ),
    "GIF named .jpg": (b"GIF89a" + bytes(64), "scan.jpg", "image/jpeg", "tidak diterima"),
    "empty file": (b"", "surat.pdf", "application/pdf", "kosong"),
    "name with markup": (PDF, '<img src=x onerror="alert(1)">.pdf', "application/pdf", "nama"),
}


def stored_files() -> list[Path]:
    root = Path(django_settings.STORAGES["private"]["OPTIONS"]["location"])
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def bad_upload(request, settings):
    settings.UPLOAD_MAX_PIXELS = 40_000_000
    data, name, content_type, words = CORPUS[request.param]
    return SimpleUploadedFile(name, data, content_type=content_type), words


@pytest.mark.parametrize("bad_upload", list(CORPUS), indirect=True)
def test_the_page_refuses_it_and_stores_nothing(
    client, requester, upgrade_service, application, bad_upload
):
    letter, words = bad_upload
    before = stored_files()
    client.force_login(requester)
    response = client.post(new_url(upgrade_service), form_data(application, letter=letter))
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert words in response.content.decode().lower()
    assert not ServiceRequest.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("bad_upload", list(CORPUS), indirect=True)
def test_the_api_refuses_it_and_stores_nothing(
    client, requester, upgrade_service, application, bad_upload
):
    letter, _words = bad_upload
    before = stored_files()
    client.force_login(requester)
    data = form_data(application, letter=letter, service=upgrade_service.slug)
    response = client.post("/api/v1/requests", data)
    assert response.status_code in (HTTPStatus.BAD_REQUEST, HTTPStatus.UNPROCESSABLE_ENTITY)
    assert response.json()["errors"]
    assert not ServiceRequest.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize(
    "name",
    [
        "Surat \u202eFDP.exe " + "permohonan-" * 40 + ".PDF.pdf",
        "surat\x07\x1b[31m.pdf",
        "\u0633\u0644\u0627\u0645 \U0001f4c4 surat.pdf",
        "....pdf",
    ],
)
def test_a_long_or_odd_name_is_stored_short_and_plain(
    client, requester, upgrade_service, application, name
):
    client.force_login(requester)
    letter = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    response = client.post(new_url(upgrade_service), form_data(application, letter=letter))
    assert response.status_code == HTTPStatus.FOUND
    stored = ServiceRequest.objects.get().current_letter
    assert len(stored.name) <= 100 and stored.name.endswith(".pdf")
    assert not any(ord(c) < 32 or c == "\u202e" for c in stored.name)
    assert len(stored.file.name) <= 100
    download = client.get(f"{stored.req.get_absolute_url()}berkas/{stored.pk}/")
    assert b"".join(download.streaming_content) == PDF
