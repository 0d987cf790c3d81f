"""Pemberitahuan Privasi: its own page, linked from every footer and shown where data is asked."""

import re

import pytest

from loket.portal.tests.test_translations import indonesian_strings, visible_text

pytestmark = pytest.mark.django_db


def test_it_is_a_public_page_in_both_languages(client):
    indonesian = client.get("/privasi/").content.decode()
    english = client.get("/en/privasi/").content.decode()
    assert "<h1>Pemberitahuan Privasi</h1>" in indonesian
    assert "UU 27/2022" in indonesian
    assert "<h1>Privacy Notice</h1>" in english


def test_every_footer_links_to_it(client):
    assert 'href="/privasi/"' in client.get("/").content.decode()
    assert 'href="/en/privasi/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("path", ["/akun/signup/", "/akun/profil/"])
def test_it_is_linked_where_accounts_are_made_and_edited(client, requester, path):
    if path == "/akun/profil/":
        client.force_login(requester)
    assert 'href="/privasi/"' in client.get(path).content.decode()


def test_it_is_linked_from_buat_permintaan(client, requester, service):
    client.force_login(requester)
    page = client.get(f"/layanan/{service.slug}/permintaan/").content.decode()
    assert 'href="/privasi/"' in page


def test_walk_in_intake_reminds_the_admin_unit_to_offer_it(client, unit_admin, service):
    client.force_login(unit_admin)
    page = client.get(f"/kotak-masuk/loket/{service.slug}/").content.decode()
    assert 'href="/privasi/"' in page
    assert "tawarkan salinannya" in page


@pytest.mark.parametrize(
    "path", ["/privasi/", "/akun/profil/data-saya/", "/akun/profil/hapus-akun/"]
)
def test_the_english_pages_show_no_indonesian_interface_words(client, requester, path):
    client.force_login(requester)
    text = visible_text(client.get(f"/en{path}").content.decode())
    # "unit" is an English word too (the base test's pages never use it in a sentence).
    words = indonesian_strings() - {"unit", "Unit"}
    leftovers = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    assert leftovers == []
