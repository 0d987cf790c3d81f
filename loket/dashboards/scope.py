"""Whose dashboard: one unit of the person's (Admin Unit, Direktur) or, for a superadmin, the whole
university or any unit. Decided by loket.accounts.permissions ("dashboards.view")."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts import permissions
from loket.catalog.models import Unit
from loket.requests.models import ServiceRequest
from loket.surveys import periods

DEFAULT_KIND = "month"
YEARS_OFFERED = 3


@dataclass(frozen=True)
class Scope:
    unit: Unit | None  # None: the whole university
    units: list[Unit]  # the units the person may choose from
    university: bool  # whether the whole university may be chosen

    @property
    def unit_ids(self) -> list[int] | None:
        """The units whose requests count (None: every unit)."""
        return [self.unit.pk] if self.unit else None

    def requests(self) -> QuerySet[ServiceRequest]:
        found = ServiceRequest.objects.all()
        return found.filter(unit=self.unit) if self.unit else found

    def params(self) -> dict[str, str]:
        return {"unit": self.unit.slug} if self.unit else {}

    def __str__(self) -> str:
        return self.unit.name if self.unit else _("The whole university")


def choose(user, params: QueryDict) -> Scope:
    """PermissionDenied for people without a dashboard; Http404 for a unit that is not theirs."""
    if not permissions.can(user, "dashboards.view"):
        raise PermissionDenied
    units = list(permissions.scope(Unit.objects.all(), user, "dashboards.view"))
    university = permissions.is_superadmin(user)
    slug = params.get("unit", "")
    if slug:
        unit = next((u for u in units if u.slug == slug), None)
        if unit is None:
            raise Http404
    elif university:
        unit = None
    else:
        unit = units[0]
    return Scope(unit, units, university)


def period(params: QueryDict) -> periods.Period:
    kind = params.get("jenis")
    kind = kind if kind in periods.KINDS else None
    chosen = periods.parse(params.get("periode", ""))
    if chosen is None:
        return periods.containing(timezone.localdate(), kind or DEFAULT_KIND)
    if kind and kind != chosen.kind:
        return periods.containing(chosen.start, kind)
    return chosen


def offered_periods(chosen: periods.Period) -> list[periods.Period]:
    latest = max(periods.containing(timezone.localdate(), chosen.kind), chosen)
    return [latest.shift(-back) for back in range(YEARS_OFFERED * 12 // latest.months)]
