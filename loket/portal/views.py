from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.i18n import set_language

from loket.catalog.models import Category, Service, Unit

from .page_cache import kept_for_visitors


@kept_for_visitors
def home(request: HttpRequest) -> HttpResponse:
    """Halaman Depan: search, the units, the categories and a few services."""
    context = {
        "units": Unit.objects.active().with_service_count().filter(service_count__gt=0),
        "categories": Category.objects.annotate(
            service_count=Count("services", filter=Q(services__is_active=True))
        ).filter(service_count__gt=0),
        "services": Service.objects.for_cards()[:6],
    }
    return render(request, "portal/home.html", context)


def switch_language(request: HttpRequest) -> HttpResponse:
    """The header's language switch: the same page in the chosen language, and remember it.

    Django's set_language translates `next` only when the active language is the one `next`
    is written in; this URL has no prefix, so activate the language of `next` first.
    """
    next_path = urlsplit(request.POST.get("next", "")).path
    translation.activate(translation.get_language_from_path(next_path) or settings.LANGUAGE_CODE)
    return set_language(request)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
