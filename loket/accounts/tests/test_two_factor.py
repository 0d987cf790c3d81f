"""Two-factor sign-in (TOTP): for everyone who wants it, required of Unit Admins, Directors and
superadmins."""

import re
from http import HTTPStatus

import pytest

from loket.accounts.models import Role
from loket.accounts.tests.factories import TOTP_SECRET, UserFactory, person_with_role, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "loket-test-password"


@pytest.mark.parametrize("role", [Role.UNIT_ADMIN, Role.DIRECTOR])
def test_a_unit_role_without_two_factor_is_sent_to_set_it_up(client, unit, role):
    person = person_with_role("baru", role, unit, totp=False)
    client.force_login(person)
    response = client.get("/")
    assert response["Location"] == "/akun/2fa/totp/activate/"
    assert client.get("/admin/")["Location"] == "/akun/2fa/totp/activate/"


def test_a_superadmin_without_two_factor_is_sent_to_set_it_up(client):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"] == "/akun/2fa/totp/activate/"


def test_staff_and_requesters_may_go_without(client, staff, requester):
    for person in (staff, requester):
        client.force_login(person)
        assert client.get("/").status_code == HTTPStatus.OK


def test_a_unit_admin_sets_up_an_authenticator_app_and_reaches_the_admin_panel(client, unit):
    person = person_with_role("baru", Role.UNIT_ADMIN, unit, totp=False)
    response = client.post("/akun/login/", {"login": "baru", "password": PASSWORD}, follow=True)
    assert "Peran Anda memerlukan verifikasi dua langkah" in response.content.decode()
    # Turning two-factor on first asks for the password again (allauth's reauthentication).
    assert response.redirect_chain[-1][0].startswith("/akun/reauthenticate/")
    client.post(response.redirect_chain[-1][0], {"password": PASSWORD})
    page = client.get("/akun/2fa/totp/activate/")
    secret = re.search(r'value="([A-Z2-7]{16,})"', page.content.decode()).group(1)
    response = client.post("/akun/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == HTTPStatus.FOUND
    assert client.get("/admin/").status_code == HTTPStatus.OK
    assert person.authenticator_set.filter(type="totp").exists()


def test_signing_in_with_two_factor_asks_for_the_code(client, unit_admin):
    response = client.post("/akun/login/", {"login": "adminunit", "password": PASSWORD})
    assert response["Location"] == "/akun/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    response = client.post("/akun/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(unit_admin.pk)
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_a_code_that_turned_over_while_being_typed_still_signs_in(client, unit_admin):
    client.post("/akun/login/", {"login": "adminunit", "password": PASSWORD})
    response = client.post("/akun/2fa/authenticate/", {"code": totp_code(steps_ago=1)})
    assert response.status_code == HTTPStatus.FOUND
    assert client.session["_auth_user_id"] == str(unit_admin.pk)


def test_an_old_or_used_code_is_refused(client, unit_admin):
    client.post("/akun/login/", {"login": "adminunit", "password": PASSWORD})
    response = client.post("/akun/2fa/authenticate/", {"code": totp_code(steps_ago=3)})
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session
    code = totp_code()
    client.post("/akun/2fa/authenticate/", {"code": code})
    client.logout()
    client.post("/akun/login/", {"login": "adminunit", "password": PASSWORD})
    response = client.post("/akun/2fa/authenticate/", {"code": code})
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session


def test_a_requester_may_turn_two_factor_on(client, requester):
    client.force_login(requester)
    page = client.get("/akun/2fa/", follow=True).content.decode()
    assert "Aplikasi Autentikator" in page
