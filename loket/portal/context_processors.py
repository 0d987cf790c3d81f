from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _


def portal(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        "main_site_url": settings.MAIN_SITE_URL,
        "site_name": settings.SITE_NAME,
        "time_zone": settings.TIME_ZONE,
        "show_admin_panel": bool(user and user.is_authenticated and user.is_staff),
        "role_label": _role_label(user) if user and user.is_authenticated else "",
    }


def _role_label(user) -> str:
    # Roles per unit arrive with the accounts issue; until then a signed-in person is a requester.
    return _("Superadmin") if user.is_superuser else _("Requester")
