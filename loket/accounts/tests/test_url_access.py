"""Every URL is public by design (listed here) or refuses anonymous visitors."""

import re
from http import HTTPStatus

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

pytestmark = pytest.mark.django_db

PUBLIC = {
    # the portal and the catalog
    "portal:home",
    "search:search",
    "catalog:services",
    "catalog:service",
    "catalog:units",
    "catalog:unit",
    # a unit's published satisfaction index, and the signed questionnaire link (the signature
    # stands in for signing in)
    "surveys:unit",
    "surveys:link",
    "set_language",
    "privacy_notice",
    # the Panduan: the guides are for anyone, signed in or not
    "guides:index",
    "guides:guide",
    # signing in, registering, recovering a password
    "account_login",
    "account_logout",
    "account_signup",
    "account_confirm_email",
    "account_email_verification_sent",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_inactive",
    "mfa_authenticate",
    "socialaccount_login_cancelled",
    "socialaccount_login_error",
    "socialaccount_signup",
    # SSO endpoints the identity providers and their browsers reach
    "saml_acs",
    "saml_finish_acs",
    "saml_sls",
    "saml_metadata",
    "saml_login",
    "openid_connect_login",
    "openid_connect_callback",
    # the API's description, its public catalog and search (requests need a token or session)
    "api:api-root",
    "api:openapi-json",
    "api:openapi-view",
    "api:units",
    "api:services",
    "api:service",
    "api:applications",
    "api:search",
    # the Admin Panel's own sign-in (it sends people to account_login) and sign-out
    "admin:login",
    "admin:logout",
}
SAMPLES = ("dtik", "1", "catalog")
PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), space)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern)


def sample_url(name: str, route: str) -> str:
    params = [a or b for a, b in PARAM.findall(route)]
    for value in SAMPLES:
        try:
            return reverse(name, kwargs=dict.fromkeys(params, value))
        except NoReverseMatch:
            continue
    raise AssertionError(f"cannot build a URL for {name} ({route})")


ROUTES = sorted(set(walk(get_resolver().url_patterns)))


def refuses(response) -> bool:
    if response.status_code in (HTTPStatus.UNAUTHORIZED, HTTPStatus.FORBIDDEN):
        return True
    location = response.headers.get("Location", "")
    return response.status_code == HTTPStatus.FOUND and (
        location.startswith(("/akun/login/", "/en/akun/login/", "/admin/login/"))
    )


@pytest.mark.parametrize(("name", "route"), ROUTES, ids=[name for name, _ in ROUTES])
def test_it_is_public_by_design_or_refuses_anonymous_visitors(client, name, route):
    if name in PUBLIC:
        return
    url = sample_url(name, route)
    response = client.get(url)
    if response.status_code == HTTPStatus.METHOD_NOT_ALLOWED:
        response = client.post(url)
    assert refuses(response), f"{url} answered {response.status_code} to an anonymous visitor"


def test_the_public_list_names_only_existing_urls():
    assert PUBLIC <= {name for name, _ in ROUTES}
