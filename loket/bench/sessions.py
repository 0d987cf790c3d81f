"""Signed-in sessions for the load generator, written as the real sign-in writes them.

The bench runs thousands of requests as signed-in people without posting passwords and TOTP
codes for each connection: it stores sessions the way allauth's login leaves them (the
password step and, for unit roles, the authenticator-app step recorded, then Django's login),
for people who really have an authenticator app. Nothing here is reachable over HTTP; only the
`bench` command calls it, with the server's SECRET_KEY, in the server's database.
"""

import secrets

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import login
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory, override_settings

from loket.accounts.models import User

BACKEND = "loket.accounts.backends.AuthenticationBackend"


def sign_in(user: User, *, secret_key: str) -> str:
    """A session cookie value for `user`, valid on a server that uses `secret_key`."""
    with override_settings(SECRET_KEY=secret_key):
        request = RequestFactory().get("/akun/login/")
        request.session = SessionStore()
        request.user = user
        record_authentication(request, user, "password", username=user.username)
        authenticator = Authenticator.objects.filter(user=user, type="totp").first()
        if authenticator:
            record_authentication(
                request, user, "mfa", id=authenticator.pk, type=authenticator.type
            )
        login(request, user, backend=BACKEND)
        request.session.save()
        return request.session.session_key


def csrf_secret() -> str:
    """A CSRF cookie value; forms may send the same value back as their token."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(secrets.choice(alphabet) for _ in range(32))


def cookie_header(session_key: str | None, csrf: str) -> str:
    parts = [f"{settings.CSRF_COOKIE_NAME}={csrf}"]
    if session_key:
        parts.insert(0, f"{settings.SESSION_COOKIE_NAME}={session_key}")
    return "; ".join(parts)
