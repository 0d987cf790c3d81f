"""Sign-in through an OpenID Connect provider (oidc-provider-mock), end to end on loopback."""

import json
from http import HTTPStatus

import pytest
from oidc_provider_mock import User as OidcUser
from oidc_provider_mock import run_server_in_thread

from loket.accounts import sso_config
from loket.accounts.models import Role, UnitRole, User
from loket.accounts.tests.browser import LOKET_HOST, Browser, with_param

pytestmark = pytest.mark.django_db

SUB = "3c1f0a52-andi"
CLAIMS = {
    "email": "andi.pratama@univ.ac.id",
    "email_verified": True,
    "name": "Andi Pratama",
    "preferred_username": "andi.pratama",
    "nim": "2201234567",
    "faculty": "Fakultas Teknik",
    "groups": ["loket-dtik-director"],
}


@pytest.fixture
def oidc(settings, unit):
    users = [OidcUser(sub=SUB, claims=CLAIMS)]
    with run_server_in_thread(require_nonce=True, user_claims=users) as server:
        environ = {
            "LOKET_OIDC_ISSUER": f"http://localhost:{server.server_port}",
            "LOKET_OIDC_CLIENT_ID": "loket",
            "LOKET_OIDC_CLIENT_SECRET": "loket-client-secret",
            "LOKET_OIDC_NAME": "SSO Kampus",
            "LOKET_SSO_ROLE_RULES": json.dumps(
                [
                    {
                        "attribute": "groups",
                        "value": "loket-dtik-director",
                        "unit": "DTIK",
                        "role": "director",
                    }
                ]
            ),
        }
        settings.ALLOWED_HOSTS = [LOKET_HOST]
        settings.SOCIALACCOUNT_PROVIDERS = sso_config.providers_from_env(environ)
        settings.LOKET_SSO = sso_config.mapping_from_env(environ)
        yield server


def sign_in(browser: Browser):
    provider_page = browser.submit(browser.get("/akun/login/").form("/sso/oidc/login/"))
    assert provider_page.url.startswith("http://localhost:")
    return browser.submit(provider_page.form(button=SUB))


def test_it_creates_the_account_from_the_claims(oidc, unit):
    page = sign_in(Browser())
    user = User.objects.get(email="andi.pratama@univ.ac.id")
    assert (user.username, user.full_name) == ("andi.pratama", "Andi Pratama")
    assert (user.identity_number, user.origin) == ("2201234567", "Fakultas Teknik")
    assert UnitRole.objects.filter(user=user, unit=unit, role=Role.DIRECTOR).exists()
    # A Director must set up two-factor sign-in (after confirming who they are) before anything.
    assert "next=%2Fakun%2F2fa%2Ftotp%2Factivate%2F" in page.url
    assert "Peran Anda memerlukan verifikasi dua langkah" in page.text
    assert "Masuk sebagai Direktur" in page.text


def test_a_second_sign_in_reuses_the_account(oidc):
    sign_in(Browser())
    sign_in(Browser())
    assert User.objects.filter(email="andi.pratama@univ.ac.id").count() == 1


def test_it_refuses_a_tampered_state(oidc):
    browser = Browser()
    browser.rewrite = lambda url: with_param(url, "state", "forged-state")
    page = sign_in(browser)
    assert page.status == HTTPStatus.UNAUTHORIZED
    assert "sudah kedaluwarsa atau sudah dipakai" in page.text
    assert not User.objects.filter(email="andi.pratama@univ.ac.id").exists()


def test_it_refuses_a_tampered_nonce(oidc):
    browser = Browser()
    browser.rewrite = lambda url: with_param(url, "nonce", "forged-nonce")
    page = sign_in(browser)
    assert page.status == HTTPStatus.UNAUTHORIZED
    assert "tidak dapat diverifikasi" in page.text
    assert not User.objects.filter(email="andi.pratama@univ.ac.id").exists()
