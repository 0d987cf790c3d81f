"""SSO settings from the environment: a bad value stops the server at start-up."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from loket.accounts.sso_config import mapping_from_env, providers_from_env


def test_no_variables_means_no_sso():
    assert providers_from_env({}) == {}


def test_a_metadata_file_gives_the_idp_entity_and_certificate(tmp_path, idp_keys):
    from loket.accounts.tests.saml_idp import SamlIdP

    idp = SamlIdP(tmp_path, *idp_keys)
    (tmp_path / "idp.xml").write_text(idp.metadata())
    app = providers_from_env({"LOKET_SAML_IDP_METADATA_FILE": str(tmp_path / "idp.xml")})
    idp_config = app["saml"]["APPS"][0]["settings"]["idp"]
    assert idp_config["entity_id"] == idp.entity_id
    assert idp_config["sso_url"] == f"{idp.base_url}/sso"
    assert idp_config["x509cert"]
    assert app["saml"]["APPS"][0]["settings"]["advanced"]["want_assertion_signed"] is True


@pytest.mark.parametrize(
    "environ",
    [
        {"LOKET_SAML_IDP_METADATA_URL": "https://sso.example.ac.id/metadata"},
        {"LOKET_SAML_IDP_METADATA_FILE": "/does/not/exist.xml"},
        {"LOKET_OIDC_ISSUER": "https://sso.example.ac.id"},
        {"LOKET_SSO_ROLE_RULES": '[{"attribute": "ou", "value": "x", "unit": "DTIK"}]'},
        {"LOKET_SSO_ROLE_RULES": "not json"},
        {"LOKET_SSO_ATTRIBUTES": '{"shoe_size": ["x"]}'},
    ],
)
def test_it_refuses_incomplete_or_wrong_settings(environ):
    with pytest.raises(ImproperlyConfigured):
        providers_from_env(environ)
        mapping_from_env(environ)
