"""Isi Kuesioner from Riwayat Saya and the request page: the requester answers once, and the
request is Ditutup."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from loket.requests.models import Status
from loket.surveys.models import Response

pytestmark = pytest.mark.django_db

ANSWERS = {f"u{n}": "3" for n in range(1, 10)}


def url(req, lang: str = "") -> str:
    return (f"/{lang}" if lang else "") + reverse("surveys:questionnaire", args=[req.ticket])


def test_riwayat_saya_and_the_request_page_offer_it_once_completed(client, completed, requester):
    client.force_login(requester)
    assert url(completed) in client.get(reverse("requests:history")).content.decode()
    page = client.get(completed.get_absolute_url()).content.decode()
    assert url(completed) in page
    assert "Isi Kuesioner" in page


def test_it_is_not_offered_before_completion(client, in_progress, requester):
    client.force_login(requester)
    assert url(in_progress) not in client.get(in_progress.get_absolute_url()).content.decode()
    response = client.get(url(in_progress))
    assert "dibuka ketika" in response.content.decode()
    response = client.post(url(in_progress), ANSWERS)
    assert response.status_code == HTTPStatus.CONFLICT
    assert not Response.objects.exists()


def test_the_page_asks_the_nine_questions(client, completed, requester, elements):
    client.force_login(requester)
    page = client.get(url(completed)).content.decode()
    for element in elements:
        assert element.question_id in page
    assert "Tidak sesuai" in page and "Sangat sesuai" in page
    assert "Dikelola dengan baik" in page


def test_answering_stores_the_response_and_closes_the_request(client, completed, requester):
    client.force_login(requester)
    data = {**ANSWERS, "u9": "4", "gender": "f", "suggestion": "Lebih cepat lagi."}
    response = client.post(url(completed), data, follow=True)

    assert response.redirect_chain[-1][0] == completed.get_absolute_url()
    completed.refresh_from_db()
    assert completed.status == Status.CLOSED
    assert completed.closed_at is not None
    close = completed.events.last()
    assert (close.action, close.actor, close.data) == ("close", requester, {"reason": "answered"})
    stored = Response.objects.get()
    assert stored.scores == (3, 3, 3, 3, 3, 3, 3, 3, 4)
    assert (stored.unit, stored.service) == (completed.unit, completed.service)
    assert (stored.gender, stored.suggestion) == ("f", "Lebih cepat lagi.")
    assert "Ditutup" in response.content.decode()


def test_a_response_names_nobody():
    names = {field.name for field in Response._meta.get_fields()}
    assert not names & {"user", "requester", "respondent", "name", "email", "whatsapp"}


@pytest.mark.parametrize("lang, words", [("", "sudah diisi"), ("en", "has already been answered")])
def test_a_second_answer_is_refused_in_the_users_language(
    client, completed, requester, lang, words
):
    client.force_login(requester)
    client.post(url(completed), ANSWERS)
    response = client.post(url(completed, lang), {**ANSWERS, "u1": "1"})
    assert response.status_code == HTTPStatus.CONFLICT
    assert words in response.content.decode()
    assert Response.objects.get().u1 == 3
    assert completed.events.filter(action="close").count() == 1


@pytest.mark.parametrize("score", ["5", "0", "-1", "tiga", ""])
@pytest.mark.parametrize(
    "lang, words", [("", "Pilih salah satu dari empat jawaban"), ("en", "Choose one of the four")]
)
def test_an_out_of_range_score_is_refused(client, completed, requester, score, lang, words):
    client.force_login(requester)
    response = client.post(url(completed, lang), {**ANSWERS, "u4": score})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert words in response.content.decode()
    assert not Response.objects.exists()
    completed.refresh_from_db()
    assert completed.status == Status.COMPLETED


@pytest.mark.parametrize(
    "persona", ["other_requester", "unit_admin", "director", "staff", "superadmin"]
)
def test_it_is_the_requesters_alone(client, request, completed, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(completed)).status_code == HTTPStatus.NOT_FOUND
    assert client.post(url(completed), ANSWERS).status_code == HTTPStatus.NOT_FOUND
    assert not Response.objects.exists()


def test_signing_in_comes_first(client, completed):
    response = client.get(url(completed))
    assert response.status_code == HTTPStatus.FOUND
    assert "/akun/" in response["Location"]
