"""Session or token; a session needs its CSRF token for changes; errors are always JSON."""

from http import HTTPStatus

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_anonymous_callers_get_401_in_json(client):
    response = client.get("/api/v1/requests")
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Bearer" in response.json()["detail"]


def test_the_catalog_and_the_schema_are_public(client, service):
    assert client.get("/api/v1/catalog/services").status_code == HTTPStatus.OK
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Loket API" and "/api/v1/requests" in schema["paths"]
    assert client.get("/api/v1/docs").status_code == HTTPStatus.OK


def test_a_session_reads_and_needs_the_csrf_token_to_change(requester, other_requester):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(requester)
    assert browser.get("/api/v1/requests").status_code == HTTPStatus.OK
    refused = browser.post("/api/v1/notifications/read")
    assert refused.status_code == HTTPStatus.FORBIDDEN and "CSRF" in refused.json()["detail"]
    browser.get("/")  # the portal's pages set the csrftoken cookie
    token = browser.cookies["csrftoken"].value
    accepted = browser.post("/api/v1/notifications/read", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == HTTPStatus.OK


def test_a_wrong_token_is_refused_even_where_anonymous_callers_are_welcome(client):
    response = client.get("/api/v1/search", {"q": "x"}, HTTP_AUTHORIZATION="Bearer loket_nope")
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert client.get("/api/v1/search", {"q": "x"}).status_code == HTTPStatus.OK


def test_messages_follow_accept_language(client):
    english = client.get("/api/v1/requests", HTTP_ACCEPT_LANGUAGE="en").json()["detail"]
    indonesian = client.get("/api/v1/requests").json()["detail"]
    assert english.startswith("Sign in") and english != indonesian


def test_a_chosen_language_does_not_redirect_the_api(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/api/v1/catalog/units").status_code == HTTPStatus.OK


def test_unit_roles_without_two_factor_sign_in_are_refused_in_json(client, unit):
    from loket.accounts.models import Role
    from loket.accounts.tests.factories import person_with_role

    client.force_login(person_with_role("admintanpa2fa", Role.UNIT_ADMIN, unit, totp=False))
    response = client.get("/api/v1/inbox")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json()["detail"]


def test_a_nul_character_is_refused_in_json(client):
    response = client.get("/api/v1/search?q=a%00b")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["detail"]
