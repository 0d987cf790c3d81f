"""The profile page: WhatsApp number in Indonesian formats, consent with its time, language."""

import pytest
import time_machine
from django.utils import timezone

pytestmark = pytest.mark.django_db

FIELDS = {"full_name": "Putri", "identity_number": "", "origin": "", "language": ""}


def save(client, **values):
    return client.post("/akun/profil/", {**FIELDS, **values}, follow=True)


def test_it_asks_to_sign_in_first(client):
    assert client.get("/akun/profil/")["Location"] == "/akun/login/?next=/akun/profil/"


def test_it_shows_the_privacy_notice(client, requester):
    client.force_login(requester)
    page = client.get("/akun/profil/").content.decode()
    assert "Cara kami memakai data Anda" in page
    assert "UU 27/2022" in page


@pytest.mark.parametrize(
    "written",
    ["0812-3456-7890", "081234567890", "+62 812 3456 7890", "62 812-3456-7890", "+6281234567890"],
)
def test_it_stores_whatsapp_numbers_as_e164(client, requester, written):
    client.force_login(requester)
    save(client, whatsapp=written)
    requester.refresh_from_db()
    assert requester.whatsapp == "+6281234567890"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("021-5551234", "bukan nomor ponsel"),
        ("0812-345", "tidak lengkap atau tidak ada"),
        ("nomor saya", "hanya dengan angka"),
    ],
)
def test_it_refuses_malformed_and_landline_numbers(client, requester, written, message):
    client.force_login(requester)
    page = save(client, whatsapp=written).content.decode()
    assert message in page
    requester.refresh_from_db()
    assert requester.whatsapp == ""


def test_it_explains_a_refused_number_in_english(client, requester):
    client.force_login(requester)
    response = client.post("/en/akun/profil/", {**FIELDS, "whatsapp": "021-5551234"})
    assert "not a mobile number" in response.content.decode()


@time_machine.travel("2025-03-04 09:30 +07:00", tick=False)
def test_it_records_when_consent_was_given_and_forgets_it_when_withdrawn(client, requester):
    client.force_login(requester)
    save(client, whatsapp="081234567890", whatsapp_consent="on")
    requester.refresh_from_db()
    assert requester.whatsapp_consent_at == timezone.now()
    assert "4 Maret 2025" in client.get("/akun/profil/").content.decode()
    save(client, whatsapp="081234567890")
    requester.refresh_from_db()
    assert requester.whatsapp_consent_at is None


def test_it_needs_a_number_to_consent_to(client, requester):
    client.force_login(requester)
    page = save(client, whatsapp="", whatsapp_consent="on").content.decode()
    assert "Isi nomor yang boleh dikirimi pesan" in page


def test_the_preferred_language_takes_over_the_portal(client, requester):
    client.force_login(requester)
    response = save(client, language="en")
    assert response.redirect_chain[-1][0] == "/en/akun/profil/"
    assert "Your profile has been saved." in response.content.decode()
    requester.refresh_from_db()
    assert requester.language == "en"
