"""Pencarian finds complaints within the person's rights, and never shows who complained."""

import pytest

from loket.complaints import workflow

from .conftest import file_complaint

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(service, requester, unit_admin, staff):
    requester.full_name = "Siti Rahasia Wulandari"
    requester.save()
    complaint = file_complaint(
        service, requester, hide_identity=True, subject="Printer loket rusak"
    )
    workflow.verify(complaint, by=unit_admin)
    workflow.assign(complaint, by=unit_admin, staff=staff)
    return complaint


@pytest.mark.parametrize(
    "persona, finds",
    [
        ("requester", True),
        ("unit_admin", True),
        ("director", True),
        ("staff", True),
        ("other_requester", False),
        ("unit_admin_other_unit", False),
    ],
)
def test_only_those_who_may_see_it_find_it(client, request, secret, persona, finds):
    client.force_login(request.getfixturevalue(persona))
    page = client.get("/pencarian/", {"q": "printer", "type": "complaints"}).content.decode()
    assert (secret.ticket in page) is finds
    assert "Siti Rahasia" not in page


def test_by_ticket_number_and_in_everything(client, secret, staff, service, requester):
    other = file_complaint(service, requester, subject="Lain hal")
    client.force_login(staff)
    page = client.get("/pencarian/", {"q": secret.ticket.lower()}).content.decode()
    assert secret.ticket in page and other.ticket not in page  # not assigned to the staff
    assert "Keluhan" in page


def test_the_api_finds_it_without_the_complainant(client, secret, staff):
    from loket.api import tokens

    _token, key = tokens.issue(staff, name="tests")
    response = client.get(
        "/api/v1/search", {"q": "printer", "type": "complaints"}, HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    body = response.json()
    assert [c["ticket"] for c in body["complaints"]["results"]] == [secret.ticket]
    assert "Siti Rahasia" not in response.content.decode()


def test_signed_out_visitors_find_no_complaint(client, secret):
    page = client.get("/pencarian/", {"q": "printer"}).content.decode()
    assert secret.ticket not in page
