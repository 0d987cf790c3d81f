from http import HTTPStatus

import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("service")]


@pytest.mark.parametrize(
    "url",
    [
        "/tidak-ada/",
        "/layanan/layanan-yang-tidak-ada/",
        "/layanan/bad%20slug/",
        "/layanan/?unit=tidak-ada",
        "/unit/tidak-ada/",
        "/xx/layanan/",
        "/fr/",
        "/layanan/x/permintaan/extra/",
    ],
)
@override_settings(DEBUG=False)
def test_a_missing_page_gets_a_styled_404_in_indonesian(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.NOT_FOUND
    page = response.content.decode()
    assert "Halaman tidak ditemukan" in page
    assert "Halaman Depan" in page  # the portal's own layout, not Django's bare page


@pytest.mark.parametrize("url", ["/en/tidak-ada/", "/en/layanan/nothing-here/", "/en/unit/nope/"])
@override_settings(DEBUG=False)
def test_a_missing_english_page_gets_an_english_404(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.NOT_FOUND
    page = response.content.decode()
    assert "Page not found" in page
    assert "Halaman tidak ditemukan" not in page


@pytest.mark.parametrize(
    "url", ["/layanan/?kategori=%00", "/pencarian/?q=a%00b", "/layanan/a%00b/"]
)
def test_a_null_character_is_refused_with_a_message(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Permintaan tidak valid" in response.content.decode()
