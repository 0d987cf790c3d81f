"""What the university SSO says about a person: profile fields and unit roles.

SAML attributes and OpenID Connect claims are read the same way, as name -> values, and mapped
by settings.LOKET_SSO (built from LOKET_SSO_ATTRIBUTES and LOKET_SSO_ROLE_RULES).
"""

import logging

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.helpers import render_authentication_error
from django.conf import settings
from django.db import transaction

from loket.accounts.models import RoleSource, UnitRole, User
from loket.catalog.models import Unit

logger = logging.getLogger(__name__)
PROFILE_FIELDS = ("full_name", "identity_number", "origin")


def claims_of(sociallogin) -> dict[str, list[str]]:
    data = sociallogin.account.extra_data or {}
    if sociallogin.account.get_provider().id != "saml":
        data = {**data.get("id_token", {}), **data.get("userinfo", {})}
    return {name: _as_list(value) for name, value in data.items()}


def fill_profile(user: User, claims: dict[str, list[str]]) -> None:
    """Fill the profile fields the person has left empty; what they typed themselves stays."""
    for field in PROFILE_FIELDS:
        if not getattr(user, field) and (value := _first(claims, field)):
            setattr(user, field, value[: User._meta.get_field(field).max_length])


@transaction.atomic
def sync_roles(user: User, claims: dict[str, list[str]]) -> None:
    """Make the user's SSO-granted roles what the role rules grant now; manual roles stay."""
    wanted = _granted(claims)
    granted = UnitRole.objects.filter(user=user, source=RoleSource.SSO)
    for unit_role in granted:
        if (unit_role.unit_id, unit_role.role) not in wanted:
            unit_role.delete()
    held = set(UnitRole.objects.filter(user=user).values_list("unit_id", "role"))
    UnitRole.objects.bulk_create(
        UnitRole(user=user, unit_id=unit_id, role=role, source=RoleSource.SSO)
        for unit_id, role in wanted - held
    )


def check_nonce(request, sociallogin) -> None:
    """The ID token must answer this sign-in attempt: its nonce is the one we sent."""
    provider = sociallogin.account.get_provider()
    if provider.id != "openid_connect":
        return
    sent = sociallogin.state.get("nonce")
    received = (sociallogin.account.extra_data or {}).get("id_token", {}).get("nonce")
    if not sent or received != sent:
        logger.warning("OpenID Connect sign-in refused: the ID token's nonce does not match")
        raise ImmediateHttpResponse(
            render_authentication_error(request, provider, extra_context={"reason": "unverified"})
        )


def _granted(claims: dict[str, list[str]]) -> set[tuple[int, str]]:
    rules = [
        rule
        for rule in settings.LOKET_SSO["role_rules"]
        if rule["value"] in claims.get(rule["attribute"], [])
    ]
    units = dict(
        Unit.objects.filter(code__in={rule["unit"] for rule in rules}).values_list("code", "pk")
    )
    for rule in rules:
        if rule["unit"] not in units:
            logger.warning("LOKET_SSO_ROLE_RULES names unit %r, which does not exist", rule["unit"])
    return {(units[rule["unit"]], rule["role"]) for rule in rules if rule["unit"] in units}


def _first(claims: dict[str, list[str]], field: str) -> str:
    for name in settings.LOKET_SSO["attributes"][field]:
        for value in claims.get(name, []):
            if str(value).strip():
                return str(value).strip()
    return ""


def _as_list(value) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [] if value is None else [str(value)]
