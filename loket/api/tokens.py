"""Personal access tokens: issue (shown once), revoke, and find the person a token stands for."""

import datetime
import hashlib
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import User

from .models import AccessToken

PREFIX = "loket_"
MAX_ACTIVE = 20
# A forgotten token should not work for ever: every token expires (the person picks 30–365 days).
DEFAULT_DAYS = 90
# Writing last_used_at on every call would turn each read into a write; a minute is precise enough.
USE_RECORDED_EVERY = datetime.timedelta(minutes=1)


class TokenRefused(Exception):
    """A refusal the person should read; the message is already translated."""


def digest(secret: str) -> str:
    # The secret is 256 random bits, so a fast hash is enough: there is nothing to guess.
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue(user: User, *, name: str, days: int = DEFAULT_DAYS) -> tuple[AccessToken, str]:
    """A new token for `user`, valid for `days`; the returned secret is the only copy there will
    ever be."""
    User.objects.select_for_update().filter(pk=user.pk).get()  # one count check at a time
    if AccessToken.objects.active().filter(user=user).count() >= MAX_ACTIVE:
        raise TokenRefused(
            _("You already have %(count)d tokens; revoke one first.") % {"count": MAX_ACTIVE}
        )
    secret = PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user,
        name=name.strip(),
        digest=digest(secret),
        prefix=secret[: len(PREFIX) + 4],
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return token, secret


def revoke(token: AccessToken, *, by: User) -> None:
    if token.user_id != by.pk:
        raise PermissionDenied
    AccessToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def user_for(secret: str) -> User | None:
    """The active person an unrevoked token stands for, or None."""
    if not secret.startswith(PREFIX):
        return None
    token = (
        AccessToken.objects.active()
        .select_related("user")
        .filter(digest=digest(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > USE_RECORDED_EVERY:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
