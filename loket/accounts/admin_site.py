from functools import wraps

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from loket.accounts import permissions


class AdminPanel(admin.AdminSite):
    """The Admin Panel: open to unit roles and superadmins, each seeing what their roles allow."""

    site_header = _("Loket Admin Panel")
    site_title = _("Admin Panel")
    index_title = _("Admin Panel")

    def has_permission(self, request) -> bool:
        return permissions.may_use_admin_panel(request.user)

    def admin_view(self, view, cacheable=False):
        guarded = super().admin_view(view, cacheable)

        @wraps(view)
        def refuse_signed_in_outsiders(request, *args, **kwargs):
            # Django would send them to a second sign-in page; say plainly that they may not.
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return guarded(request, *args, **kwargs)

        return refuse_signed_in_outsiders

    def login(self, request, extra_context=None):
        # One sign-in page for everyone, so that lock-out and two-factor sign-in guard the
        # Admin Panel as well; a signed-in person without a unit role is simply refused.
        if request.user.is_authenticated:
            raise PermissionDenied
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect_to_login(next_url, reverse("account_login"))
