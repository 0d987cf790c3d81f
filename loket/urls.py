from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from loket.accounts.privacy_views import notice as privacy_notice
from loket.api.api import api
from loket.notifications.views import whatsapp_webhook
from loket.portal.views import switch_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", switch_language, name="set_language"),
    path("sso/", include("loket.accounts.sso_urls")),
    path("webhooks/whatsapp/", whatsapp_webhook, name="whatsapp_webhook"),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("loket.portal.urls")),
    path("privasi/", privacy_notice, name="privacy_notice"),
    path("", include("loket.catalog.urls")),
    path("", include("loket.requests.urls")),
    path("", include("loket.complaints.urls")),
    path("", include("loket.notifications.urls")),
    path("", include("loket.surveys.urls")),
    path("", include("loket.search.urls")),
    path("", include("loket.dashboards.urls")),
    path("", include("loket.guides.urls")),
    path("akun/", include("loket.api.urls")),
    path("akun/", include("loket.accounts.urls")),
    prefix_default_language=False,
)
if settings.LOKET_BENCH:
    # The benchmark's ceiling (make bench); the setting is off unless the bench turns it on.
    urlpatterns.append(path("bench/", include("loket.bench.urls")))

handler404 = "loket.portal.views.page_not_found"
handler500 = "loket.portal.views.server_error"
handler429 = "loket.portal.ratelimit.too_many_requests"
