"""Authentication backends that read, with the signed-in person, what every page asks next.

Every signed-in request needs the person, their unit roles (navigation, permissions) and, for
the roles that must use two-factor sign-in, whether they have an authenticator app. Django's
backends read the person alone, and the rest took two more queries on every page; these read
all three in one query and leave the answers where `permissions` looks for them.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.mfa.models import Authenticator
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend
from django.db.models import CharField, Exists, OuterRef, StringAgg, Subquery, Value
from django.db.models.functions import Cast, Concat

from loket.portal.compiled import Compiled

from .models import UnitRole, User

ROLE_SEPARATOR, PAIR_SEPARATOR = ":", ","


def with_signed_in_context(users):
    """`users` annotated with their roles ("unit:role,…") and whether they have a TOTP app."""
    pairs = (
        UnitRole.objects.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(
            held=StringAgg(
                Concat(Cast("unit_id", CharField()), Value(ROLE_SEPARATOR), "role"),
                delimiter=Value(PAIR_SEPARATOR),
            )
        )
        .values("held")
    )
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    return users.annotate(
        held_roles=Subquery(pairs, output_field=CharField()), has_totp=Exists(totp)
    )


def parse_roles(held: str | None) -> frozenset[tuple[int, str]]:
    if not held:
        return frozenset()
    pairs = (pair.split(ROLE_SEPARATOR, 1) for pair in held.split(PAIR_SEPARATOR))
    return frozenset((int(unit), role) for unit, role in pairs)


BY_ID = Compiled(lambda pk: with_signed_in_context(User._default_manager.filter(pk=pk)), int)


class SignedInContext:
    def get_user(self, user_id):
        user = BY_ID.first(int(user_id))
        if user is None or not self.user_can_authenticate(user):
            return None
        user._loket_roles = parse_roles(user.held_roles) if user.is_active else frozenset()
        user._loket_has_totp = user.has_totp
        return user


class ModelBackend(SignedInContext, DjangoModelBackend):
    """Django's username and password sign-in (the Admin Panel's login)."""


class AuthenticationBackend(SignedInContext, AllauthBackend):
    """allauth's sign-in (the portal's login, SSO)."""
