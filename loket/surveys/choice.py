"""Which report a person asked for, within what their roles allow (loket.accounts.permissions)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.utils import timezone

from loket.accounts import permissions
from loket.catalog.models import Service, Unit

from . import periods
from .reports import Scope

DEFAULT_KIND = "semester"
YEARS_OFFERED = 5


@dataclass(frozen=True)
class Choice:
    scope: Scope
    period: periods.Period
    units: list[Unit]
    services: list[Service]
    university: bool  # whether the whole-university view is offered

    def query(self, **changes) -> str:
        """The query string of this choice, with some parameters changed."""
        params = QueryDict(mutable=True)
        params["unit"] = self.scope.unit.slug if self.scope.unit else ""
        if self.scope.service:
            params["layanan"] = self.scope.service.slug
        params["periode"] = self.period.key
        for name, value in changes.items():
            params[name] = value
        return params.urlencode()

    def offered_periods(self) -> list[periods.Period]:
        today = timezone.localdate()
        latest = max(periods.containing(today, self.period.kind), self.period)
        count = YEARS_OFFERED * 12 // latest.months
        return [latest.shift(-back) for back in range(count)]


def report_units(user) -> list[Unit]:
    return list(permissions.scope(Unit.objects.active(), user, "surveys.report"))


def choose(user, params: QueryDict) -> Choice:
    """Raises PermissionDenied for people without a report role, Http404 for a unit not theirs."""
    if not permissions.can(user, "surveys.report"):
        raise PermissionDenied
    units = report_units(user)
    university = permissions.is_superadmin(user)
    slug = params.get("unit")
    if slug is None and not university:
        unit = units[0] if units else None
    elif slug:
        unit = next((u for u in units if u.slug == slug), None)
        if unit is None:
            raise Http404
    else:
        unit = None
    if unit is None and not university:
        raise PermissionDenied
    services = list(Service.objects.filter(unit=unit)) if unit else []
    service = next((s for s in services if s.slug == params.get("layanan")), None)
    return Choice(Scope(unit, service), _period(params), units, services, university)


def _period(params: QueryDict) -> periods.Period:
    kind = params.get("jenis")
    kind = kind if kind in periods.KINDS else None
    chosen = periods.parse(params.get("periode", ""))
    if chosen is None:
        return periods.containing(timezone.localdate(), kind or DEFAULT_KIND)
    if kind and kind != chosen.kind:
        return periods.containing(chosen.start, kind)
    return chosen
