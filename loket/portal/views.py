from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.i18n import set_language

from loket.catalog.models import Category, Service, Unit

SEARCH_LIMIT = 50


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


def search(request: HttpRequest) -> HttpResponse:
    """Pencarian: services by name, summary, category or unit."""
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        words = Q()
        for word in query.split()[:10]:
            words &= (
                Q(name_id__icontains=word)
                | Q(name_en__icontains=word)
                | Q(summary_id__icontains=word)
                | Q(summary_en__icontains=word)
                | Q(code__icontains=word)
                | Q(category__name_id__icontains=word)
                | Q(category__name_en__icontains=word)
                | Q(unit__name_id__icontains=word)
                | Q(unit__name_en__icontains=word)
                | Q(unit__code__iexact=word)
            )
        results = list(Service.objects.for_cards().filter(words)[:SEARCH_LIMIT])
    return render(request, "portal/search.html", {"query": query, "results": results})


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
