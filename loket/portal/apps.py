from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "loket.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from loket.portal import security  # noqa: F401  (connects the sign-in failure receiver)

        from . import page_cache

        page_cache.connect_catalog_signals()
