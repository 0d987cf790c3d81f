"""Repeated wrong passwords lock the account for a while; sessions do not last forever."""

from http import HTTPStatus

import pytest
import time_machine

pytestmark = pytest.mark.django_db

LOCKED = "Terlalu banyak percobaan masuk yang gagal"
WRONG = "tidak benar"


def sign_in(client, login, password):
    return client.post("/akun/login/", {"login": login, "password": password})


def test_it_locks_the_account_after_five_wrong_passwords(client, requester):
    for _attempt in range(5):
        assert WRONG in sign_in(client, "pemohon", "salah-terus").content.decode()
    response = sign_in(client, "pemohon", "loket-test-password")
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_counts_the_account_by_email_as_well(client, requester):
    for _attempt in range(5):
        sign_in(client, "pemohon", "salah-terus")
    assert LOCKED in sign_in(client, requester.email, "loket-test-password").content.decode()


def test_the_lock_leaves_other_accounts_alone(client, requester, other_requester):
    for _attempt in range(5):
        sign_in(client, "pemohon", "salah-terus")
    response = sign_in(client, "pemohon2", "loket-test-password")
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(other_requester.pk)


def test_the_lock_lifts_after_fifteen_minutes(client, requester):
    with time_machine.travel("2025-03-04 09:00 +07:00", tick=False):
        for _attempt in range(5):
            sign_in(client, "pemohon", "salah-terus")
    with time_machine.travel("2025-03-04 09:16 +07:00", tick=False):
        assert sign_in(client, "pemohon", "loket-test-password").status_code == HTTPStatus.FOUND


def test_a_session_ends_after_eight_hours(client, requester):
    with time_machine.travel("2025-03-04 08:00 +07:00", tick=False):
        response = sign_in(client, "pemohon", "loket-test-password")
        assert response.cookies["sessionid"]["expires"] == ""  # gone when the browser closes
        assert "Masuk sebagai Pemohon" in client.get("/").content.decode()
    with time_machine.travel("2025-03-04 16:01 +07:00", tick=False):
        assert "Masuk sebagai" not in client.get("/").content.decode()
