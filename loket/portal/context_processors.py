from django.conf import settings
from django.http import HttpRequest

from loket.accounts import permissions


def portal(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    return {
        "main_site_url": settings.MAIN_SITE_URL,
        "site_name": settings.SITE_NAME,
        "time_zone": settings.TIME_ZONE,
        "show_admin_panel": permissions.may_use_admin_panel(user),
        "role_label": ", ".join(permissions.role_labels(user)),
    }
