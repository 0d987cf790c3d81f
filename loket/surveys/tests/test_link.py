"""The signed questionnaire link of the completion message."""

import datetime
from http import HTTPStatus

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone, translation

from loket.requests.models import Status
from loket.surveys import links
from loket.surveys.models import Response

pytestmark = pytest.mark.django_db

ANSWERS = {f"u{n}": "4" for n in range(1, 10)}


def path_of(url: str) -> str:
    return url.removeprefix(settings.SITE_URL.rstrip("/"))


@override_settings(SITE_URL="https://eservice.example.ac.id/")
def test_the_link_is_absolute_and_in_the_active_language(completed):
    url = links.questionnaire_url(completed)
    assert url.startswith("https://eservice.example.ac.id/kuesioner/tautan/")
    with translation.override("en"):
        assert links.questionnaire_url(completed).startswith(
            "https://eservice.example.ac.id/en/kuesioner/tautan/"
        )


def test_the_link_opens_the_questionnaire_without_signing_in(client, completed, requester):
    path = path_of(links.questionnaire_url(completed))
    assert client.get(path).status_code == HTTPStatus.OK
    response = client.post(path, ANSWERS)
    assert response.status_code == HTTPStatus.OK
    assert "Ditutup" in response.content.decode()
    completed.refresh_from_db()
    assert completed.status == Status.CLOSED
    assert completed.events.last().actor == requester
    assert Response.objects.get().scores == (4,) * 9


def test_the_requester_signed_in_is_taken_back_to_the_request(client, completed, requester):
    client.force_login(requester)
    response = client.post(path_of(links.questionnaire_url(completed)), ANSWERS)
    assert response["Location"] == completed.get_absolute_url()


@pytest.mark.parametrize(
    "lang, words", [("", "Tautan kuesioner ini tidak sah"), ("en", "link is not valid")]
)
def test_a_forged_link_is_refused(client, completed, lang, words):
    token = links.token_for(completed)
    forged = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "eyJyIjoxLCJ0IjoiRFRJSy0yMDI2LTAwMDAwMSJ9:1abcde:forgedsignature",
        "not-a-token",
    ]
    for bad in forged:
        url = (f"/{lang}" if lang else "") + f"/kuesioner/tautan/{bad}/"
        for response in (client.get(url), client.post(url, ANSWERS)):
            assert response.status_code == HTTPStatus.BAD_REQUEST
            assert words in response.content.decode()
    assert not Response.objects.exists()
    completed.refresh_from_db()
    assert completed.status == Status.COMPLETED


@pytest.mark.parametrize("lang, words", [("", "sudah kedaluwarsa"), ("en", "link has expired")])
def test_an_expired_link_is_refused(client, completed, lang, words):
    path = path_of(links.questionnaire_url(completed))
    path = f"/{lang}{path}" if lang else path
    later = timezone.now() + datetime.timedelta(days=settings.LOKET_SURVEY_LINK_DAYS, hours=1)
    with time_machine.travel(later):
        response = client.post(path, ANSWERS)
    assert response.status_code == HTTPStatus.GONE
    assert words in response.content.decode()
    assert not Response.objects.exists()


def test_a_link_made_by_another_key_is_refused(client, completed):
    with override_settings(SECRET_KEY="another-" + "x" * 60):
        path = path_of(links.questionnaire_url(completed))
    assert client.post(path, ANSWERS).status_code == HTTPStatus.BAD_REQUEST
    assert not Response.objects.exists()


def test_someone_else_signed_in_gets_nothing(client, completed, other_requester):
    client.force_login(other_requester)
    path = path_of(links.questionnaire_url(completed))
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND
    assert client.post(path, ANSWERS).status_code == HTTPStatus.NOT_FOUND
    assert not Response.objects.exists()


def test_the_link_answers_once(client, completed):
    path = path_of(links.questionnaire_url(completed))
    client.post(path, ANSWERS)
    response = client.post(path, {**ANSWERS, "u1": "1"})
    assert response.status_code == HTTPStatus.CONFLICT
    assert "sudah diisi" in response.content.decode()
    assert Response.objects.get().u1 == 4
