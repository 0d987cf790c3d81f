"""Acceptance 2: with the identity hidden, nothing shown to the staff (or the Direktur) names
the complainant: not the page, a list, the receipt, a notification, an export or the API.
The unit's Admin Unit and the complainant still see it."""

import io
from http import HTTPStatus

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from loket.complaints import workflow
from loket.notifications.models import Message

from .conftest import evidence, file_complaint

pytestmark = pytest.mark.django_db

SECRETS = ("Siti Rahasia Wulandari", "siti.rahasia@example.ac.id", "+6281299990000", "1987654321")


@pytest.fixture
def complainant(requester):
    requester.full_name, requester.email = SECRETS[0], SECRETS[1]
    requester.whatsapp, requester.identity_number = SECRETS[2], SECRETS[3]
    requester.set_whatsapp_consent(True)
    requester.save()
    return requester


@pytest.fixture
def secret(service, complainant, unit_admin, staff):
    """Hidden identity, assigned to staff, answered, then reopened by the complainant."""
    complaint = file_complaint(service, complainant, hide_identity=True, files=[evidence()])
    workflow.verify(complaint, by=unit_admin)
    workflow.assign(complaint, by=unit_admin, staff=staff)
    workflow.answer(complaint, by=staff, text="Sudah ditangani.")
    workflow.reopen(complaint, by=complainant, reason="Belum tuntas.")
    return complaint


def assert_anonymous(text: str):
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize("persona", ["staff", "director"])
def test_the_page_withholds_the_complainant(client, request, secret, persona):
    client.force_login(request.getfixturevalue(persona))
    for lang, word in (("", "Pelapor dirahasiakan"), ("/en", "Identity withheld")):
        page = client.get(f"{lang}{secret.get_absolute_url()}").content.decode()
        assert secret.ticket in page and word in page
        assert "Belum tuntas." in page  # the reopening's reason, without its author
        assert_anonymous(page)


@pytest.mark.parametrize("persona", ["staff", "director"])
def test_the_inbox_withholds_the_complainant(client, request, secret, persona, service):
    workflow_overdue = file_complaint(service, secret.complainant, hide_identity=True)
    assert workflow_overdue  # the Direktur's inbox lists overdue complaints; see test_deadlines
    client.force_login(request.getfixturevalue(persona))
    page = client.get("/kotak-masuk/").content.decode()
    if persona == "staff":
        assert secret.ticket in page and "Pelapor dirahasiakan" in page
    assert_anonymous(page)


def test_the_receipt_withholds_the_complainant(client, secret, staff):
    client.force_login(staff)
    response = client.get(f"{secret.get_absolute_url()}tanda-terima.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert secret.ticket in text and "Pelapor dirahasiakan" in text
    assert_anonymous(text)


def test_notifications_to_the_unit_never_name_the_complainant(secret, complainant):
    to_unit = Message.objects.filter(complaint=secret).exclude(recipient=complainant)
    assert {m.audience for m in to_unit} >= {"unit_admin", "assigned_staff"}
    for message in to_unit:
        assert_anonymous(f"{message.title} {message.body} {message.link} {message.params}")


def test_the_report_exports_name_nobody(client, secret, director):
    client.force_login(director)
    csv_text = client.get("/keluhan/laporan.csv").content.decode()
    assert secret.service.name in csv_text
    assert_anonymous(csv_text)
    book = load_workbook(io.BytesIO(client.get("/keluhan/laporan.xlsx").content))
    cells = " ".join(str(c.value) for row in book.active.iter_rows() for c in row)
    assert secret.service.name in cells
    assert_anonymous(cells)


def test_the_admin_unit_and_the_complainant_still_see_it(client, secret, unit_admin, complainant):
    for person in (unit_admin, complainant):
        client.force_login(person)
        page = client.get(secret.get_absolute_url()).content.decode()
        assert SECRETS[0] in page and "Pelapor dirahasiakan" not in page


def test_a_related_request_is_not_shown_to_the_staff(
    client, service, complainant, staff, unit_admin
):
    from loket.requests.tests import factories as request_factories

    mine = request_factories.submit(service, complainant)
    complaint = file_complaint(service, complainant, hide_identity=True, related_request=mine)
    workflow.verify(complaint, by=unit_admin)
    workflow.assign(complaint, by=unit_admin, staff=staff)
    client.force_login(staff)
    page = client.get(complaint.get_absolute_url()).content.decode()
    # Its ticket would lead to the requester's name.
    assert "Tentang permintaan" not in page and f">{mine.ticket}<" not in page
    client.force_login(unit_admin)
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert "Tentang permintaan" in page and f'href="/permintaan/{mine.ticket}/"' in page


def test_without_the_choice_the_staff_see_the_name(client, service, complainant, staff, unit_admin):
    complaint = file_complaint(service, complainant)
    workflow.verify(complaint, by=unit_admin)
    workflow.assign(complaint, by=unit_admin, staff=staff)
    client.force_login(staff)
    response = client.get(complaint.get_absolute_url())
    assert response.status_code == HTTPStatus.OK and SECRETS[0] in response.content.decode()
