from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "loket.portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, pre_migrate

        from loket.portal import security  # noqa: F401  (connects the sign-in failure receiver)

        from . import kept_pages, page_cache

        page_cache.connect_catalog_signals()
        # Kept pages' triggers follow the tables: off while migrations change them, then
        # installed again from the models as they now are.
        pre_migrate.connect(kept_pages.remove_triggers, sender=self, dispatch_uid="kept-off")
        post_migrate.connect(kept_pages.install_triggers, sender=self, dispatch_uid="kept-on")
