"""Sign-in through the university's SAML identity provider, end to end on loopback."""

import json
from http import HTTPStatus

import pytest
from django.test import Client

from loket.accounts import sso_config
from loket.accounts.models import Role, RoleSource, UnitRole, User
from loket.accounts.tests.browser import LOKET_HOST, Browser
from loket.accounts.tests.saml_idp import SamlIdP

pytestmark = pytest.mark.django_db

ENTITLEMENT = "urn:oid:1.3.6.1.4.1.5923.1.1.1.7"
ANDI = {
    "uid": ["andi.pratama"],
    "mail": ["andi.pratama@univ.ac.id"],
    "displayName": ["Andi Pratama"],
    "employeeNumber": ["198501012010011001"],
    "ou": ["Fakultas Teknik"],
}


@pytest.fixture
def idp(tmp_path, idp_keys, sp_keys, settings, unit):
    idp = SamlIdP(tmp_path, *idp_keys).start()
    (tmp_path / "sp-cert.pem").write_text(sp_keys[0])
    (tmp_path / "sp-key.pem").write_text(sp_keys[1])
    environ = {
        "LOKET_SAML_IDP_METADATA_URL": idp.entity_id,
        "LOKET_SAML_IDP_ENTITY_ID": idp.entity_id,
        "LOKET_SAML_SP_CERT_FILE": str(tmp_path / "sp-cert.pem"),
        "LOKET_SAML_SP_KEY_FILE": str(tmp_path / "sp-key.pem"),
        "LOKET_SAML_NAME": "SSO Universitas",
        "LOKET_SSO_ROLE_RULES": json.dumps(
            [
                {
                    "attribute": ENTITLEMENT,
                    "value": "loket:dtik:staf",
                    "unit": "DTIK",
                    "role": "staff",
                }
            ]
        ),
    }
    settings.ALLOWED_HOSTS = [LOKET_HOST]
    settings.SOCIALACCOUNT_PROVIDERS = sso_config.providers_from_env(environ)
    settings.LOKET_SSO = sso_config.mapping_from_env(environ)
    idp.trust(Client(HTTP_HOST=LOKET_HOST).get("/sso/saml/univ/metadata/").content.decode())
    idp.identity = dict(ANDI)
    yield idp
    idp.stop()


def sign_in(browser: Browser):
    login_page = browser.get("/akun/login/")
    return browser.submit(login_page.form("/sso/saml/univ/login/"))


def test_it_publishes_the_service_provider_metadata_for_the_idp(idp):
    response = Client(HTTP_HOST=LOKET_HOST).get("/sso/saml/univ/metadata/")
    assert response.status_code == HTTPStatus.OK
    metadata = response.content.decode()
    assert 'Location="http://loket.test/sso/saml/univ/acs/"' in metadata
    assert 'WantAssertionsSigned="true"' in metadata
    assert "X509Certificate" in metadata


def test_it_creates_the_account_from_the_idps_attributes(idp):
    page = sign_in(Browser())
    assert page.status == HTTPStatus.OK
    assert "Masuk sebagai Pemohon" in page.text
    user = User.objects.get(email="andi.pratama@univ.ac.id")
    assert user.username == "andi.pratama"
    assert user.full_name == "Andi Pratama"
    assert user.identity_number == "198501012010011001"
    assert user.origin == "Fakultas Teknik"


def test_a_second_sign_in_reuses_the_account(idp):
    sign_in(Browser())
    page = sign_in(Browser())
    assert "Masuk sebagai Pemohon" in page.text
    assert User.objects.filter(email="andi.pratama@univ.ac.id").count() == 1


def test_it_grants_and_withdraws_roles_by_the_role_rules(idp, unit):
    idp.identity["eduPersonEntitlement"] = ["loket:dtik:staf"]
    page = sign_in(Browser())
    assert "Masuk sebagai Staf" in page.text
    user = User.objects.get(username="andi.pratama")
    assert list(UnitRole.objects.filter(user=user).values_list("unit", "role", "source")) == [
        (unit.pk, Role.STAFF, RoleSource.SSO)
    ]
    del idp.identity["eduPersonEntitlement"]
    assert "Masuk sebagai Pemohon" in sign_in(Browser()).text
    assert not UnitRole.objects.filter(user=user).exists()


def test_it_refuses_an_unsigned_assertion(idp):
    idp.sign_assertion = False
    page = sign_in(Browser())
    assert page.status == HTTPStatus.UNAUTHORIZED
    assert "tidak dapat diverifikasi" in page.text
    assert not User.objects.filter(username="andi.pratama").exists()


def test_it_refuses_a_tampered_assertion(idp):
    idp.tamper = lambda xml: xml.replace("Andi Pratama", "Rektor Universitas")
    page = sign_in(Browser())
    assert page.status == HTTPStatus.UNAUTHORIZED
    assert "tidak dapat diverifikasi" in page.text
    assert not User.objects.filter(username="andi.pratama").exists()


def test_it_refuses_a_replayed_assertion(idp):
    browser = Browser(auto_submit=False)
    idp_page = browser.submit(browser.get("/akun/login/").form("/sso/saml/univ/login/"))
    assert "Masuk sebagai Pemohon" in browser.submit(idp_page.forms[0]).text
    for replayer in (browser, Browser()):
        replayer.page = idp_page
        page = replayer.submit(idp_page.forms[0])
        assert page.status == HTTPStatus.UNAUTHORIZED
        assert "sudah kedaluwarsa atau sudah dipakai" in page.text


def test_it_explains_a_refusal_in_english(idp):
    idp.sign_assertion = False
    browser = Browser()
    browser.submit(browser.get("/akun/login/").form("/i18n/setlang/"), language="en")
    page = browser.submit(browser.page.form("/sso/saml/univ/login/"))
    assert browser.page.url == "http://loket.test/sso/saml/univ/acs/finish/"
    assert "could not be verified" in page.text
