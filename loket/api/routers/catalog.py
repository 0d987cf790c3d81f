"""The public catalog: units, services with their current standard, the application registry."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router

from loket.catalog.models import Application, Service, StandardRevision, Unit

from ..errors import responses
from ..schemas import ApplicationOut, ServiceOut, UnitOut

router = Router(tags=["catalog"])


def _services():
    newest_first = StandardRevision.objects.order_by("-effective_date", "-id")
    return Service.objects.for_cards().prefetch_related(Prefetch("revisions", newest_first))


@router.get("/units", response=list[UnitOut], auth=None)
def units(request):
    return Unit.objects.active().select_related("parent")


@router.get("/services", response=responses({200: list[ServiceOut]}, 400), auth=None)
def services(request, unit: str = ""):
    """Active services, optionally of one unit (its slug)."""
    found = _services()
    return found.filter(unit__slug=unit) if unit else found


@router.get("/services/{slug}", response=responses({200: ServiceOut}, 404), auth=None)
def service(request, slug: str):
    return get_object_or_404(_services(), slug=slug)


@router.get("/applications", response=responses({200: list[ApplicationOut]}, 400), auth=None)
def applications(request, unit: str = "", upgradable: bool = False):
    """The application registry; `upgradable` keeps those an upgrade request may choose."""
    found = Application.objects.filter(is_active=True, owner_unit__is_active=True)
    if upgradable:
        found = found.upgradable()
    if unit:
        found = found.filter(owner_unit__slug=unit)
    return found.select_related("owner_unit")
