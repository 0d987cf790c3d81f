"""Lembar disposisi: the printable page and its PDF, for the unit's own roles only."""

import io
from http import HTTPStatus

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_sheet_links_its_pdf_with_the_same_disposition(client, disposed, director, staff):
    client.force_login(director)
    page = client.get(f"/permintaan/{disposed.ticket}/lembar-disposisi/").content.decode()
    assert f'href="/permintaan/{disposed.ticket}/lembar-disposisi.pdf"' in page
    response = client.get(f"/permintaan/{disposed.ticket}/lembar-disposisi.pdf")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response)
    assert "Lembar Disposisi" in text or "Lembar disposisi" in text
    assert disposed.ticket in text
    assert str(staff) in text
    assert disposed.subject in text


def test_the_pdf_speaks_english_under_en(client, disposed, director):
    client.force_login(director)
    text = pdf_text(client.get(f"/en/permintaan/{disposed.ticket}/lembar-disposisi.pdf"))
    assert "Disposition sheet" in text and "Due date" in text


def test_the_requester_and_another_unit_do_not_get_the_pdf(client, disposed, unit_admin_other_unit):
    for person in (disposed.requester, unit_admin_other_unit):
        client.force_login(person)
        response = client.get(f"/permintaan/{disposed.ticket}/lembar-disposisi.pdf")
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert disposed.subject.encode() not in response.content  # the URL names the ticket
