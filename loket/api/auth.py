"""Who is calling: a personal access token (Authorization: Bearer …) or the portal's session.

A session is accepted only with Django's CSRF check on unsafe methods, so a page elsewhere cannot
make a signed-in browser act through the API.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from . import tokens

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = tokens.user_for(token)
        if user is not None:
            request.user = user  # what the portal's own helpers read
        return user


class SessionAuth(APIKeyCookie):
    param_name = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in SAFE_METHODS and check_csrf(request):
            raise HttpError(
                403, _("The CSRF check failed: send the csrftoken cookie's value in X-CSRFToken.")
            )
        return user

    def authenticate(self, request: HttpRequest, key: str | None):  # pragma: no cover
        return None  # __call__ above does the work


def anonymous(request: HttpRequest):
    """Public endpoints that show more to a signed-in person; a wrong token is still refused."""
    if "Authorization" in request.headers:
        return None
    return AnonymousUser()


SIGNED_IN = [TokenAuth(), SessionAuth()]
ANYONE = [*SIGNED_IN, anonymous]
