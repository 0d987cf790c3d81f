"""Public pages are kept for visitors: fast, per language, renewed when the catalog changes,
never shown to someone signed in, and with a working language switch."""

import re
from http import HTTPStatus

import pytest
from django.test import Client

from loket.catalog.models import Service

pytestmark = pytest.mark.django_db

PUBLIC = ["/", "/en/", "/layanan/", "/unit/", "/unit/dtik/"]


def token(page: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()


@pytest.mark.parametrize("url", [*PUBLIC, "/layanan/{slug}/"])
def test_a_visitor_gets_a_kept_page_reading_at_most_the_catalogs_version(
    client, service, url, django_assert_max_num_queries
):
    url = url.format(slug=service.slug)
    first = client.get(url)
    with django_assert_max_num_queries(1):
        again = client.get(url)
    assert again.status_code == HTTPStatus.OK
    strip = re.compile(rb'value="[^"]{64}"|<time class="clock".*?</time>', re.DOTALL)
    assert strip.sub(b"", again.content) == strip.sub(b"", first.content)


def test_each_language_is_kept_apart(client, service):
    client.get("/")
    client.get("/en/")
    assert service.name_id in client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert '<html lang="en">' in english and service.name_en in english


def test_a_change_of_the_catalog_shows_at_once(client, service):
    assert service.name_id in client.get(f"/layanan/{service.slug}/").content.decode()
    Service.objects.filter(pk=service.pk).update(name_id="tidak lewat sinyal")  # no save()
    service.name_id = "Layanan Cetak Ulang Kartu"
    service.save()
    page = client.get(f"/layanan/{service.slug}/").content.decode()
    assert "Layanan Cetak Ulang Kartu" in page
    assert "Layanan Cetak Ulang Kartu" in client.get("/").content.decode()


def test_a_signed_in_person_never_gets_a_visitors_page(client, service, requester):
    client.get("/")
    client.force_login(requester)
    page = client.get("/").content.decode()
    assert "Masuk sebagai Pemohon" in page
    assert "Keluar" in page


def test_the_language_switch_works_on_a_kept_page():
    visitor = Client(enforce_csrf_checks=True)
    Client().get("/")  # someone else's visit keeps the page
    page = visitor.get("/")
    assert visitor.cookies["csrftoken"].value
    response = visitor.post(
        "/i18n/setlang/",
        {"language": "en", "next": "/", "csrfmiddlewaretoken": token(page.content)},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/"


def test_two_visitors_get_different_tokens():
    first, second = Client().get("/"), Client().get("/")
    assert token(first.content) != token(second.content)
