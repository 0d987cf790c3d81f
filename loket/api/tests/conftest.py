import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.api import tokens
from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.requests.tests.factories import pdf_bytes


class Api:
    """One person calling /api/v1 with a personal access token of their own."""

    def __init__(self, client, user) -> None:
        self.client, self.user = client, user
        _token, secret = tokens.issue(user, name="tests")
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    def get(self, path: str, params: dict | None = None):
        return self.client.get(f"/api/v1{path}", params or {}, **self.headers)

    def post(self, path: str, body: dict | None = None):
        return self.client.post(
            f"/api/v1{path}",
            json.dumps(body or {}),
            content_type="application/json",
            **self.headers,
        )

    def post_form(self, path: str, data: dict):
        """multipart/form-data, as a browser's form or `curl -F` sends it."""
        return self.client.post(f"/api/v1{path}", data, **self.headers)


@pytest.fixture
def api(client):
    return lambda user: Api(client, user)


def letter(name: str = "surat-permohonan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


@pytest.fixture
def upgrade_service(unit):
    return ServiceFactory(
        unit=unit,
        slug="layanan-upgrade-aplikasi",
        code="SOP#24",
        name_id="Layanan Upgrade Aplikasi",
        asks_for_application=True,
    )


@pytest.fixture
def application(unit):
    return ApplicationFactory(owner_unit=unit, name="SIAKAD")


@pytest.fixture
def request_form(upgrade_service, application):
    """What the Buat Permintaan form asks for, as the API's multipart fields."""
    return {
        "service": upgrade_service.slug,
        "application": application.pk,
        "subject": "Penambahan modul laporan semester",
        "description": "Mohon ditambahkan modul laporan semester untuk program studi.",
        "desired_features": "Ekspor ke PDF",
        "letter_number": "123/UN27.1/TI/2026",
        "letter_date": "2026-01-05",
        "signatory_name": "Dr. Contoh Pimpinan",
        "signatory_position": "Dekan Fakultas Teknik",
        "requesting_unit": "Fakultas Teknik",
        "whatsapp": "0812-3456-7890",
    }
