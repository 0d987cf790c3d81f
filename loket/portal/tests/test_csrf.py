"""Every state change needs the CSRF token: pages, allauth's forms and the API's session calls."""

import json
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import get_resolver, resolve, reverse

from loket.accounts.tests.test_url_access import sample_url, walk
from loket.requests.models import ServiceRequest
from loket.requests.tests.test_create_request import form_data, new_url

from .authz import API, World

pytestmark = pytest.mark.django_db
ROUTES = sorted(set(walk(get_resolver().url_patterns)))
# Views that take no CSRF token, and why they are safe without one.
EXEMPT = {
    "whatsapp_webhook": "Meta signs every call with the app secret (X-Hub-Signature-256)",
    "saml_acs": "the identity provider's signed assertion, posted cross-site by design",
    "saml_sls": "the identity provider's signed logout message",
}


@pytest.fixture
def world(db):
    return World()


def guarded(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def test_only_the_listed_views_skip_the_csrf_check():
    exempt = {
        name
        for name, route in ROUTES
        if not name.startswith("api:")
        and getattr(resolve_callback(name, route), "csrf_exempt", False)
    }
    assert exempt == set(EXEMPT)


def resolve_callback(name, route):
    return resolve(sample_url(name, route).split("?")[0]).func


@pytest.mark.parametrize("persona", ["anonymous", "owner", "unit_admin"])
def test_every_page_refuses_a_post_without_the_token(world, persona):
    client = guarded(world.users[persona])
    accepted = []
    for name, route in ROUTES:
        if name in EXEMPT or name.startswith("api:"):
            continue
        url = sample_url(name, route)
        response = client.post(url, {"note": "x"})
        if response.status_code != HTTPStatus.FORBIDDEN or not is_csrf_refusal(response):
            accepted.append(f"{name} {url}: {response.status_code}")
    assert accepted == []


def is_csrf_refusal(response) -> bool:
    text = response.content.decode()
    return "Formulir sudah kedaluwarsa" in text or "The form has expired" in text


def test_the_refusal_is_a_clear_page_in_the_users_language(world):
    page = guarded(world.owner).post(reverse("notifications:mark_all_read"))
    assert page.status_code == HTTPStatus.FORBIDDEN
    assert "Formulir sudah kedaluwarsa" in page.content.decode()
    page = guarded(world.owner).post("/en" + reverse("notifications:mark_all_read"))
    assert "The form has expired" in page.content.decode()


def token_of(client: Client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


def test_a_workflow_button_without_the_token_changes_nothing(world):
    req = world.requests["submitted"]
    client = guarded(world.users["unit_admin"])
    url = reverse("requests:act", args=[req.ticket, "verify"])
    data = {f"verify-{rule}": "on" for rule in ("signed", "stamped", "whatsapp_stated")}
    data |= {"verify-in_house_application": "on", "verify-academic_audience": "on"}
    assert client.post(url, data).status_code == HTTPStatus.FORBIDDEN
    assert req.events.count() == 1
    token = token_of(client, req.get_absolute_url())
    assert client.post(url, data | {"csrfmiddlewaretoken": token}).status_code == HTTPStatus.FOUND
    assert req.events.count() == 2


def test_buat_permintaan_without_the_token_stores_nothing(world):
    client = guarded(world.owner)
    url = new_url(world.service)
    data = form_data(world.application)
    count = ServiceRequest.objects.count()
    assert client.post(url, data).status_code == HTTPStatus.FORBIDDEN
    assert ServiceRequest.objects.count() == count
    data = form_data(world.application) | {"csrfmiddlewaretoken": token_of(client, url)}
    assert client.post(url, data).status_code == HTTPStatus.FOUND
    assert ServiceRequest.objects.count() == count + 1


def test_the_api_refuses_a_session_post_without_the_token(world):
    req = world.requests["submitted"]
    client = guarded(world.users["unit_admin"])
    for operation in API:
        method, path = operation.split(" ", 1)
        if method != "POST":
            continue
        url = path.format(ticket=req.ticket, message_id=world.message.pk)
        response = client.post(url, json.dumps({}), content_type="application/json")
        assert response.status_code == HTTPStatus.FORBIDDEN, operation
        assert "CSRF" in response.json()["detail"], operation
    assert req.events.count() == 1
