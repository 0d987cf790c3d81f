from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from loket.accounts import demo, permissions

# Pages a person who must set up two-factor sign-in can still open: setting it up may first ask
# them to confirm who they are (allauth's reauthentication).
OPEN_URL_NAMES = {"account_logout", "set_language", "profile"}


def require_mfa(get_response):
    """Unit Admins, Directors and superadmins use the portal only with two-factor sign-in."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and permissions.requires_mfa(user)
            and not demo.exempt_from_mfa(user)
            and not _is_open(request.path_info)
            and not permissions.has_authenticator(user)
        ):
            message = _(
                "Your role needs two-factor sign-in. Set up an authenticator app to continue."
            )
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": message, "errors": {}}, status=403)
            messages.warning(request, message)
            return redirect("mfa_activate_totp")
        return get_response(request)

    return middleware


def _is_open(path: str) -> bool:
    try:
        name = resolve(path).url_name or ""
    except Resolver404:
        return False
    return name in OPEN_URL_NAMES or name.startswith("mfa_") or "reauthenticat" in name
