from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from loket.portal.page_cache import kept_for_visitors

from .models import Category, Service, Unit


@kept_for_visitors
def service_list(request: HttpRequest) -> HttpResponse:
    """Layanan: every active service, grouped by category, optionally of one unit."""
    services = Service.objects.for_cards().order_by("category__order", "category__name_id", "order")
    unit = None
    if unit_slug := request.GET.get("unit"):
        unit = get_object_or_404(Unit.objects.active(), slug=unit_slug)
        services = services.filter(unit=unit)
    category = None
    if category_slug := request.GET.get("kategori"):
        category = get_object_or_404(Category, slug=category_slug)
        services = services.filter(category=category)
    groups = [(cat, list(items)) for cat, items in groupby(services, key=lambda s: s.category)]
    context = {
        "groups": groups,
        "unit": unit,
        "category": category,
        "categories": Category.objects.all(),
        "total": sum(len(items) for _, items in groups),
    }
    return render(request, "catalog/service_list.html", context)


@kept_for_visitors
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service.objects.for_cards(), slug=slug)
    revisions = list(service.revisions.all())
    context = {
        "service": service,
        "standard": revisions[0] if revisions else None,
        "revisions": revisions,
    }
    return render(request, "catalog/service_detail.html", context)


@kept_for_visitors
def unit_list(request: HttpRequest) -> HttpResponse:
    units = Unit.objects.active().with_service_count().select_related("parent")
    return render(request, "catalog/unit_list.html", {"units": units})


@kept_for_visitors
def unit_detail(request: HttpRequest, slug: str) -> HttpResponse:
    unit = get_object_or_404(
        Unit.objects.active().with_service_count().select_related("parent"), slug=slug
    )
    context = {
        "unit": unit,
        "services": Service.objects.for_cards().filter(unit=unit),
        "children": unit.children.filter(is_active=True).with_service_count(),
    }
    return render(request, "catalog/unit_detail.html", context)
