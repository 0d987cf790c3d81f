from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True
    name = "loket.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from loket.accounts import privacy

        privacy.autodiscover()  # each app's personal_data.py: its export and erasure steps


class AdminPanelConfig(admin_apps.AdminConfig):
    """Django's admin, served as Loket's Admin Panel (see admin_site.AdminPanel)."""

    default = False
    default_site = "loket.accounts.admin_site.AdminPanel"
