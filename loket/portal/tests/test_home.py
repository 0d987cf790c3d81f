from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

NAV_ID = [
    "Halaman Depan",
    "Layanan",
    "Unit",
    "Pencarian",
    "Riwayat Saya",
    "Situs Utama",
    "Cari",
    "Masuk",
]
NAV_EN = ["Home", "Services", "Units", "Search", "My History", "Main Site", "Sign in"]


def test_the_home_page_shows_the_navigation_in_indonesian(client, service):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert '<html lang="id">' in page
    for word in NAV_ID:
        assert word in page
    assert service.name_id in page


def test_the_home_page_shows_the_navigation_in_english(client, service):
    page = client.get("/en/").content.decode()
    assert '<html lang="en">' in page
    for word in NAV_EN:
        assert word in page
    assert service.name_en in page


def test_admin_panel_is_offered_only_to_unit_staff(client, requester, superadmin):
    assert "Admin Panel" not in client.get("/").content.decode()
    client.force_login(requester)
    page = client.get("/").content.decode()
    assert "Admin Panel" not in page
    assert "Masuk sebagai Pemohon" in page
    client.force_login(superadmin)
    assert "Admin Panel" in client.get("/").content.decode()


def test_my_history_asks_to_sign_in_first(client, requester):
    assert client.get("/riwayat/")["Location"].startswith("/akun/login/")
    client.force_login(requester)
    assert "Riwayat Saya" in client.get("/riwayat/").content.decode()
