from http import HTTPStatus

import pytest

from loket.catalog.tests.factories import ServiceFactory, StandardRevisionFactory

pytestmark = pytest.mark.django_db

INFORMASI_LAYANAN = [
    "Informasi Layanan",
    "Produk Layanan",
    "Aplikasi",
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya Layanan",
]


def test_it_shows_the_service_standard_in_indonesian(client, service):
    response = client.get(service.get_absolute_url())
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    for heading in INFORMASI_LAYANAN:
        assert f">{heading}</h" in page
    assert "14 hari kerja" in page
    assert "Surat ajuan harus ditandatangani oleh pimpinan" in page
    assert "Buat Permintaan" in page and "Buat Keluhan" in page


def test_it_lists_every_revision_newest_first(client, service):
    StandardRevisionFactory(service=service, version="1.1", prepared_by="Tim Penyusun Revisi")
    response = client.get(service.get_absolute_url())
    page = response.content.decode()
    assert "Riwayat Revisi" in page
    assert page.index("Tim Penyusun Revisi") < page.index("Subdirektorat Pengembangan")


def test_it_shows_the_english_standard_with_indonesian_fallback(client, service):
    service.name_en = ""
    service.save()
    page = client.get(f"/en{service.get_absolute_url()}").content.decode()
    assert service.name_id in page
    assert "Service Information" in page and "Completion Time" in page
    assert "14 working days" in page
    assert "The letter must be signed by the unit" in page


def test_it_hides_an_inactive_service(client):
    service = ServiceFactory(is_active=False)
    assert client.get(service.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_the_request_buttons_lead_to_sign_in(client, service):
    for url in (
        f"{service.get_absolute_url()}permintaan/",
        f"{service.get_absolute_url()}keluhan/",
    ):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/akun/login/")


def test_a_signed_in_requester_gets_the_request_form(client, requester, service):
    client.force_login(requester)
    page = client.get(f"{service.get_absolute_url()}permintaan/").content.decode()
    assert "Buat Permintaan" in page and ">Simpan</button>" in page
