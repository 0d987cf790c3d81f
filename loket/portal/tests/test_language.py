from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_switching_to_english_keeps_the_page(client, service):
    response = client.post("/i18n/setlang/", {"language": "en", "next": service.get_absolute_url()})
    assert response["Location"] == f"/en{service.get_absolute_url()}"
    assert "Service Information" in client.get(response["Location"]).content.decode()


def test_the_choice_is_remembered_on_unprefixed_pages(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/layanan/?kategori=x")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/layanan/?kategori=x"


def test_switching_back_to_indonesian(client, service):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.post("/i18n/setlang/", {"language": "id", "next": "/en/layanan/"})
    assert response["Location"] == "/layanan/"
    assert client.get("/layanan/").status_code == HTTPStatus.OK


def test_an_unknown_language_changes_nothing(client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/unit/"})
    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/unit/").status_code == HTTPStatus.OK
