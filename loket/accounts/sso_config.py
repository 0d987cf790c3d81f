"""University SSO settings, read from the environment by settings.py (and by the SSO tests).

Nothing here touches the database: it only turns LOKET_SAML_* / LOKET_OIDC_* / LOKET_SSO_*
variables into django-allauth's SOCIALACCOUNT_PROVIDERS and Loket's own LOKET_SSO mapping.
A bad value raises ImproperlyConfigured, which stops the process at start-up.
"""

import json
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

# Where each profile field may arrive, first match wins: SAML attribute names (the OIDs that
# SimpleSAMLphp sends with the "uri" name format, then their friendly names) and OIDC claims.
DEFAULT_ATTRIBUTES: dict[str, list[str]] = {
    "uid": ["urn:oid:0.9.2342.19200300.100.1.1", "uid"],
    "email": ["urn:oid:0.9.2342.19200300.100.1.3", "mail", "email"],
    "full_name": [
        "urn:oid:2.16.840.1.113730.3.1.241",
        "displayName",
        "urn:oid:2.5.4.3",
        "cn",
        "name",
    ],
    "identity_number": [
        "urn:oid:2.16.840.1.113730.3.1.3",
        "employeeNumber",
        "nim",
        "nip",
        "identity_number",
    ],
    "origin": ["urn:oid:2.5.4.11", "ou", "faculty", "unit"],
}
ROLES = {"unit_admin", "director", "staff"}
SAML_SLUG = "univ"
OIDC_ID = "oidc"


def providers_from_env(environ: Mapping[str, str]) -> dict:
    """SOCIALACCOUNT_PROVIDERS: a SAML app and/or an OpenID Connect app, when configured."""
    providers: dict = {}
    if saml := _saml_app(environ):
        providers["saml"] = {"APPS": [saml]}
    if oidc := _oidc_app(environ):
        providers["openid_connect"] = {"APPS": [oidc], "OAUTH_PKCE_ENABLED": True}
    return providers


def mapping_from_env(environ: Mapping[str, str]) -> dict:
    """LOKET_SSO: which attributes fill the profile, and which grant unit roles."""
    attributes = {key: list(names) for key, names in DEFAULT_ATTRIBUTES.items()}
    for key, names in _json(environ, "LOKET_SSO_ATTRIBUTES", {}).items():
        if key not in attributes:
            raise ImproperlyConfigured(
                f"LOKET_SSO_ATTRIBUTES: unknown field {key!r}; use {sorted(attributes)}"
            )
        attributes[key] = [names] if isinstance(names, str) else list(names)
    rules = _json(environ, "LOKET_SSO_ROLE_RULES", [])
    for rule in rules:
        if set(rule) != {"attribute", "value", "unit", "role"} or rule["role"] not in ROLES:
            raise ImproperlyConfigured(
                "LOKET_SSO_ROLE_RULES: each rule is "
                '{"attribute": …, "value": …, "unit": "<unit code>", "role": '
                f"one of {sorted(ROLES)}}}, not {rule!r}"
            )
    return {"attributes": attributes, "role_rules": rules}


def _saml_app(environ: Mapping[str, str]) -> dict | None:
    idp = _saml_idp(environ)
    if idp is None:
        return None
    attributes = mapping_from_env(environ)["attributes"]
    trust_email = _bool(environ, "LOKET_SSO_TRUST_EMAIL", True)
    advanced = {
        "want_assertion_signed": True,
        "want_message_signed": _bool(environ, "LOKET_SAML_WANT_MESSAGE_SIGNED", False),
        "reject_idp_initiated_sso": True,
        "strict": True,
    }
    cert, key = _file(environ, "LOKET_SAML_SP_CERT_FILE"), _file(environ, "LOKET_SAML_SP_KEY_FILE")
    if bool(cert) != bool(key):
        raise ImproperlyConfigured("Set both LOKET_SAML_SP_CERT_FILE and LOKET_SAML_SP_KEY_FILE.")
    if cert:
        advanced |= {"x509cert": cert, "private_key": key, "authn_request_signed": True}
    sp = (
        {"entity_id": environ["LOKET_SAML_SP_ENTITY_ID"]}
        if environ.get("LOKET_SAML_SP_ENTITY_ID")
        else {}
    )
    return {
        "name": environ.get("LOKET_SAML_NAME") or "SSO",
        "provider_id": SAML_SLUG,
        "client_id": SAML_SLUG,
        "settings": {
            "attribute_mapping": {
                "uid": attributes["uid"],
                "username": attributes["uid"],
                "email": attributes["email"],
            },
            "idp": idp,
            "sp": sp,
            "advanced": advanced,
            "verified_email": trust_email,
            "email_authentication": trust_email,
        },
    }


def _saml_idp(environ: Mapping[str, str]) -> dict | None:
    url = environ.get("LOKET_SAML_IDP_METADATA_URL", "")
    path = environ.get("LOKET_SAML_IDP_METADATA_FILE", "")
    entity_id = environ.get("LOKET_SAML_IDP_ENTITY_ID", "")
    if url and path:
        raise ImproperlyConfigured(
            "Set LOKET_SAML_IDP_METADATA_URL or LOKET_SAML_IDP_METADATA_FILE, not both."
        )
    if url:
        if not entity_id:
            raise ImproperlyConfigured(
                "LOKET_SAML_IDP_ENTITY_ID must name the identity provider in its metadata."
            )
        return {"metadata_url": url, "entity_id": entity_id}
    if path:
        return _idp_from_metadata_file(path, entity_id or None)
    return None


def _idp_from_metadata_file(path: str, entity_id: str | None) -> dict:
    from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

    try:
        parsed = OneLogin_Saml2_IdPMetadataParser.parse(
            Path(path).read_text(encoding="utf-8"), entity_id=entity_id
        ).get("idp")
    except (OSError, ValueError, SyntaxError) as error:
        raise ImproperlyConfigured(f"LOKET_SAML_IDP_METADATA_FILE {path}: {error}") from None
    if not parsed or not parsed.get("x509cert") or "singleSignOnService" not in parsed:
        raise ImproperlyConfigured(
            f"LOKET_SAML_IDP_METADATA_FILE {path}: no IdP with a signing certificate found."
        )
    return {
        "entity_id": parsed["entityId"],
        "sso_url": parsed["singleSignOnService"]["url"],
        "x509cert": parsed["x509cert"],
    }


def _oidc_app(environ: Mapping[str, str]) -> dict | None:
    issuer = environ.get("LOKET_OIDC_ISSUER", "")
    if not issuer:
        return None
    client_id = environ.get("LOKET_OIDC_CLIENT_ID", "")
    secret = environ.get("LOKET_OIDC_CLIENT_SECRET", "")
    if not client_id or not secret:
        raise ImproperlyConfigured(
            "LOKET_OIDC_ISSUER needs LOKET_OIDC_CLIENT_ID and LOKET_OIDC_CLIENT_SECRET."
        )
    trust_email = _bool(environ, "LOKET_SSO_TRUST_EMAIL", True)
    return {
        "provider_id": OIDC_ID,
        "name": environ.get("LOKET_OIDC_NAME") or "SSO (OpenID Connect)",
        "client_id": client_id,
        "secret": secret,
        "settings": {
            "server_url": issuer,
            "scope": environ.get("LOKET_OIDC_SCOPES", "openid profile email").split(),
            "oauth_pkce_enabled": True,
            "email_authentication": trust_email,
        },
    }


def _file(environ: Mapping[str, str], name: str) -> str:
    path = environ.get(name, "")
    if not path:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from None


def _json(environ: Mapping[str, str], name: str, default):
    raw = environ.get(name, "")
    if not raw:
        return default
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {error}") from None
    if not isinstance(value, type(default)):
        raise ImproperlyConfigured(f"{name} must be a JSON {type(default).__name__}.")
    return value


def _bool(environ: Mapping[str, str], name: str, default: bool) -> bool:
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
        return value in {"1", "true", "yes", "on"}
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")
