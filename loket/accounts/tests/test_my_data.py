""" "Unduh data saya": everything the portal holds about the person, as JSON and as PDF."""

import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from loket.accounts import privacy
from loket.api import tokens
from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.complaints import workflow as complaints
from loket.complaints.tests.conftest import evidence, file_complaint
from loket.requests.tests import factories
from loket.surveys.tests.factories import answered, completed_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def done(requester, unit, unit_admin, director, staff):
    service = ServiceFactory(unit=unit, asks_for_application=True)
    application = ApplicationFactory(owner_unit=unit, name="SIAKAD")
    req = completed_request(
        service,
        requester,
        unit_admin=unit_admin,
        director=director,
        staff=staff,
        application=application,
    )
    answered(req, suggestion="Cepat sekali, terima kasih.")
    tokens.issue(requester, name="Laptop kantor")
    complaint = file_complaint(
        service, requester, subject="Antrean terlalu lama", files=[evidence("bukti-antrean.pdf")]
    )
    complaints.verify(complaint, by=unit_admin)
    complaints.answer(complaint, by=unit_admin, text="Loket antrean sudah ditambah.")
    return req


def download(client, person, fmt: str):
    client.force_login(person)
    response = client.get(f"/akun/profil/data-saya.{fmt}")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response


def test_it_gives_everything_about_the_person_as_json(client, requester, done):
    data = json.loads(download(client, requester, "json").content)
    assert data["profile"]["username"] == "pemohon"
    assert data["profile"]["email"] == requester.email
    [req] = data["requests"]
    assert req["ticket"] == done.ticket
    assert [e["action"] for e in req["events"]][:2] == ["submit", "verify"]
    assert req["files"][0]["name"] == "surat-permohonan.pdf"
    assert data["questionnaire_answers"][0]["suggestion"] == "Cepat sekali, terima kasih."
    assert data["api_tokens"][0]["name"] == "Laptop kantor"
    assert "digest" not in data["api_tokens"][0]
    assert data["notifications"]["messages"], "the outbox rows sent to the person"
    assert data["sign_in"]["email_addresses"][0]["email"] == requester.email
    [complaint] = data["complaints"]
    assert complaint["ticket"].startswith("K-")
    assert complaint["complaint_subject"] == "Antrean terlalu lama"
    assert complaint["answer"] == "Loket antrean sudah ditambah."
    assert [e["action"] for e in complaint["events"]] == ["submit", "verify", "answer"]
    assert complaint["files"][0]["name"] == "bukti-antrean.pdf"


def test_it_gives_nothing_of_other_people(client, other_requester, done):
    data = json.loads(download(client, other_requester, "json").content)
    assert data["requests"] == []
    assert data["questionnaire_answers"] == []
    assert data["api_tokens"] == []
    assert data["complaints"] == []


def test_it_gives_the_same_as_a_pdf(client, requester, done):
    response = download(client, requester, "pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert done.ticket in text
    assert "Laptop kantor" in text
    assert "Antrean terlalu lama" in text and "Keluhan" in text
    assert "Permintaan" in text  # the section titles are in the person's language


def test_every_app_says_what_it_holds(db):
    assert {"profile", "roles", "consents", "requests", "complaints"} <= set(privacy.EXPORTERS)
    assert {"questionnaire_answers", "api_tokens", "sign_in"} <= set(privacy.EXPORTERS)
    assert {"accounts", "requests", "complaints", "notifications", "surveys", "api"} <= set(
        privacy.ERASERS
    )


def test_the_page_asks_anonymous_visitors_to_sign_in(client):
    assert client.get("/akun/profil/data-saya.json")["Location"].startswith("/akun/login/")


def test_the_page_offers_both_downloads_and_the_deletion(client, requester):
    client.force_login(requester)
    page = client.get("/akun/profil/data-saya/").content.decode()
    assert "/akun/profil/data-saya.json" in page
    assert "/akun/profil/data-saya.pdf" in page
    assert "/akun/profil/hapus-akun/" in page


def test_the_download_reads_a_fixed_number_of_queries(client, requester, unit, done):
    client.force_login(requester)
    with CaptureQueriesContext(connection) as one:
        client.get("/akun/profil/data-saya.json")
    service = done.service
    for _ in range(3):
        factories.submit(service, requester, application=done.application)
        file_complaint(service, requester, files=[evidence()])
    with CaptureQueriesContext(connection) as four:
        client.get("/akun/profil/data-saya.json")
    assert len(four) == len(one)


@pytest.mark.parametrize(
    ("path", "most"),
    [("/akun/profil/data-saya/", 12), ("/akun/profil/hapus-akun/", 12), ("/privasi/", 6)],
)
def test_the_pages_read_few_queries(client, requester, django_assert_max_num_queries, path, most):
    client.force_login(requester)
    with django_assert_max_num_queries(most):
        assert client.get(path).status_code == 200
