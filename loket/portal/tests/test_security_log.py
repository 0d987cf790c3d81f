"""Security events leave one JSON line each on the `loket.security` logger."""

import io
import json
import logging
from http import HTTPStatus

import pytest
from django.urls import reverse

from loket.complaints.tests.conftest import evidence, file_complaint
from loket.portal.security import JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def security_lines():
    """The formatted lines the production handler would write."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("loket.security")
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_a_failed_sign_in_is_recorded_without_the_typed_name(client, requester, security_lines):
    client.post(reverse("account_login"), {"login": requester.username, "password": "salah"})
    [record] = [r for r in security_lines() if r["event"] == "login_failed"]
    assert record["path"] == reverse("account_login")
    assert record["ip"] == "127.0.0.1"
    assert record["level"] == "WARNING" and record["time"].endswith("+00:00")
    assert len(record["account"]) == 16
    assert requester.username not in json.dumps(record)


def test_a_refused_page_is_recorded(client, requester, security_lines):
    client.force_login(requester)
    assert client.get(reverse("requests:inbox")).status_code == HTTPStatus.FORBIDDEN
    [record] = security_lines()
    assert record["event"] == "permission_denied"
    assert record["user_id"] == requester.pk
    assert record["path"] == reverse("requests:inbox")


def test_another_persons_request_is_recorded_as_not_visible(
    client, other_requester, submitted, security_lines
):
    client.force_login(other_requester)
    assert client.get(submitted.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/permintaan/TIDAK-ADA/").status_code == HTTPStatus.NOT_FOUND
    [record] = security_lines()
    assert record["event"] == "not_visible"
    assert record["ticket"] == submitted.ticket
    assert record["user_id"] == other_requester.pk


def test_a_letter_download_is_recorded(client, unit_admin, submitted, security_lines):
    client.force_login(unit_admin)
    letter = submitted.files.get()
    url = reverse("requests:download", args=[submitted.ticket, letter.pk])
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    response.close()
    [record] = security_lines()
    assert record == record | {
        "event": "file_download",
        "level": "INFO",
        "ticket": submitted.ticket,
        "file_id": letter.pk,
        "kind": letter.kind,
        "user_id": unit_admin.pk,
    }


def test_a_refused_api_call_is_recorded(client, requester, security_lines):
    client.force_login(requester)
    client.get("/api/v1/inbox")
    records = [r for r in security_lines() if r["event"] == "permission_denied"]
    assert [r["path"] for r in records] == ["/api/v1/inbox"]


@pytest.fixture
def complaint(service, requester):
    return file_complaint(service, requester, files=[evidence()])


def test_another_persons_complaint_is_recorded_as_not_visible(
    client, other_requester, complaint, security_lines
):
    client.force_login(other_requester)
    assert client.get(complaint.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/keluhan/K-TIDAK-ADA/").status_code == HTTPStatus.NOT_FOUND
    [record] = security_lines()
    assert record["event"] == "not_visible"
    assert record["model"] == "complaints.complaint"
    assert record["ticket"] == complaint.ticket
    assert record["user_id"] == other_requester.pk


def test_a_complaint_file_download_is_recorded(client, unit_admin, complaint, security_lines):
    client.force_login(unit_admin)
    attachment = complaint.files.get()
    url = reverse("complaints:download", args=[complaint.ticket, attachment.pk])
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    response.close()
    [record] = security_lines()
    assert record == record | {
        "event": "file_download",
        "ticket": complaint.ticket,
        "file_id": attachment.pk,
        "kind": "complaint",
        "user_id": unit_admin.pk,
    }
