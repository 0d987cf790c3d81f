"""Personal access tokens: made on the profile's API tokens page, shown once, kept as a hash,
named, stamped when used, and revoked by their owner alone."""

import datetime
import hashlib
import re
from http import HTTPStatus

import pytest

from loket.api.models import AccessToken

pytestmark = pytest.mark.django_db
TOKENS_URL = "/akun/token-api/"


def make_token(client, name="Sistem fakultas", days=90) -> str:
    response = client.post(TOKENS_URL, {"name": name, "lifetime": days})
    assert response.status_code == HTTPStatus.OK
    return re.search(r'value="(loket_[^"]+)"', response.content.decode()).group(1)


def me(client, secret: str):
    return client.get("/api/v1/requests", HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_token_is_shown_once_and_stored_only_as_its_hash(client, requester):
    client.force_login(requester)
    secret = make_token(client)
    token = AccessToken.objects.get(user=requester)
    assert token.name == "Sistem fakultas"
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(AccessToken.objects.values().get())
    page = client.get(TOKENS_URL).content.decode()
    assert "Sistem fakultas" in page and secret not in page and token.prefix in page


def test_a_token_signs_the_api_in_and_records_when_it_was_used(client, requester):
    client.force_login(requester)
    secret = make_token(client)
    client.logout()
    assert AccessToken.objects.get().last_used_at is None
    assert me(client, secret).status_code == HTTPStatus.OK
    assert AccessToken.objects.get().last_used_at is not None
    assert me(client, secret + "x").status_code == HTTPStatus.UNAUTHORIZED


def test_a_revoked_token_is_refused(client, requester):
    client.force_login(requester)
    secret = make_token(client)
    token = AccessToken.objects.get()
    response = client.post(f"{TOKENS_URL}{token.pk}/cabut/")
    assert response.status_code == HTTPStatus.FOUND
    client.logout()
    response = me(client, secret)
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response.json()["detail"]
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_revokes_another_persons_token(client, requester, other_requester):
    client.force_login(requester)
    secret = make_token(client)
    client.force_login(other_requester)
    response = client.post(f"{TOKENS_URL}{AccessToken.objects.get().pk}/cabut/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    client.logout()
    assert me(client, secret).status_code == HTTPStatus.OK


def test_a_deactivated_persons_token_stops_working(client, requester):
    client.force_login(requester)
    secret = make_token(client)
    requester.is_active = False
    requester.save()
    client.logout()
    assert me(client, secret).status_code == HTTPStatus.UNAUTHORIZED


def test_a_token_needs_a_name(client, requester):
    client.force_login(requester)
    response = client.post(TOKENS_URL, {"name": ""})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert not AccessToken.objects.exists()


def test_the_page_is_for_signed_in_people(client):
    response = client.get(TOKENS_URL)
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/akun/login/")


def test_a_token_expires_after_the_chosen_lifetime(client, requester, time_machine):
    client.force_login(requester)
    secret = make_token(client, days=30)
    token = AccessToken.objects.get()
    assert round((token.expires_at - token.created_at).total_seconds() / 86400) == 30
    page = client.get(TOKENS_URL).content.decode()
    assert token.expires_at.strftime("%Y") in page and "Berlaku selama" in page
    client.logout()
    time_machine.move_to(token.expires_at - datetime.timedelta(minutes=1))
    assert me(client, secret).status_code == HTTPStatus.OK
    time_machine.move_to(token.expires_at + datetime.timedelta(minutes=1))
    assert me(client, secret).status_code == HTTPStatus.UNAUTHORIZED
    client.force_login(requester)
    assert "Sistem fakultas" not in client.get(TOKENS_URL).content.decode()


def test_a_lifetime_outside_the_choices_is_refused(client, requester):
    client.force_login(requester)
    response = client.post(TOKENS_URL, {"name": "Selamanya", "lifetime": 100000})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Masukkan pilihan yang valid" in response.content.decode()
    assert not AccessToken.objects.exists()
