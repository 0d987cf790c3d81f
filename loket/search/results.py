"""One results page of a search, shared by the Pencarian page and the API."""

from dataclasses import dataclass, replace
from functools import cached_property
from math import ceil

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

from . import query
from .forms import Kind
from .query import Criteria

PER_PAGE = 20
SERVICES_PREVIEW = 6  # services shown above the requests when searching everything
MAX_SERVICES = 200
COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows: a word found in a million requests needs no exact
    count, only "more than 1,000", and counting them all would cost most of the search's time."""

    def __init__(self, object_list, per_page: int, *, cap: int | None = None) -> None:
        super().__init__(object_list, per_page)
        self.cap = COUNT_CAP if cap is None else cap

    @cached_property
    def counted(self) -> int:
        # Unordered: any cap + 1 matching rows will do, and PostgreSQL then stops early.
        return self.object_list.order_by().select_related(None)[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.cap)

    @property
    def more(self) -> bool:
        return self.counted > self.cap


class PartsPaginator(Paginator):
    """Requests (or complaints) found by words or filters, counted and read through
    query.parts(): one query counts every part (at most COUNT_CAP + 1 rows of each), one finds
    the page's ids, newest first, and one reads those rows for the page."""

    def __init__(
        self, criteria: Criteria, user, per_page: int, *, table=query.REQUESTS, cap=None
    ) -> None:
        super().__init__(table.model.objects.none(), per_page)
        self.user, self.table = user, table
        self.cap = COUNT_CAP if cap is None else cap
        self.parts = query.parts(criteria, user=user, table=table)

    @cached_property
    def counts(self) -> list[int]:
        return query.count_parts(self.parts, cap=self.cap)

    @cached_property
    def count(self) -> int:
        return min(sum(self.counts), self.cap)

    @property
    def more(self) -> bool:
        return sum(self.counts) > self.cap

    def page(self, number) -> Page:
        number = self.validate_number(number)
        start = (number - 1) * self.per_page
        stop = min(start + self.per_page, self.count)
        ids = query.read_parts(self.parts, self.counts, start, stop, cap=self.cap)
        # Read again within what the person may see (the ids came from there already).
        rows = self.table.model.objects.visible_to(self.user).select_related("service", "unit")
        found = rows.in_bulk(ids)
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)


@dataclass(frozen=True)
class Results:
    services: Page | None = None
    requests: Page | None = None
    near_services: bool = False
    suggestion: str = (
        ""  # the words the requests shown were found by, when the asked ones found none
    )
    complaints: Page | None = None


def find(criteria: Criteria, *, user, kind: str, page=1, per_page: int = PER_PAGE) -> Results:
    """The services and requests to show; a type not asked for (or not allowed) is None."""
    services = requests = None
    near_services, suggestion = False, ""
    wants_services = kind == Kind.SERVICES or (
        kind == Kind.EVERYTHING and not criteria.narrows_requests
    )
    if wants_services and criteria.text and not criteria.ticket:
        size, number = (per_page, page) if kind == Kind.SERVICES else (SERVICES_PREVIEW, 1)
        services, near_services = _services(criteria, size, number)
    signed_in = getattr(user, "is_authenticated", False)
    if kind in (Kind.EVERYTHING, Kind.REQUESTS) and signed_in:
        if criteria.text or criteria.narrows_requests:
            requests, suggestion = _requests(criteria, user, per_page, page)
    complaints = None
    if kind in (Kind.EVERYTHING, Kind.COMPLAINTS) and signed_in:
        if criteria.text or criteria.narrows_requests:
            number = page if kind == Kind.COMPLAINTS else 1
            complaints = _complaints(criteria, user, per_page, number)
    return Results(services, requests, near_services, suggestion, complaints)


def _services(criteria: Criteria, per_page: int, page) -> tuple[Page, bool]:
    found = ServicePaginator(query.services(criteria), per_page).get_page(page)
    if found.paginator.count:
        return found, False
    near = ServicePaginator(query.services(criteria, near=True), per_page).get_page(page)
    return near, bool(near.paginator.count)


class ServicePaginator(Paginator):
    """Services found, at most MAX_SERVICES: one query reads a page of them and counts them all
    (a window count), instead of reading every match (up to 60 services, each with its unit and
    category) to show 6 and their number."""

    def get_page(self, number) -> Page:
        try:
            number = max(int(number), 1)
        except (TypeError, ValueError):
            number = 1
        number = min(number, ceil(MAX_SERVICES / self.per_page))
        start = (number - 1) * self.per_page
        counted = self.object_list.annotate(total=Window(Count("pk")))
        rows = list(counted[start : start + self.per_page])
        if rows:
            self.count = min(rows[0].total, MAX_SERVICES)
            return self._get_page(rows[: self.count - start], number, self)
        self.count = self.object_list.count() if number > 1 else 0  # past the last page
        return self.page(self.num_pages)


def _requests(criteria: Criteria, user, per_page: int, page) -> tuple[Page, str]:
    if criteria.ticket:  # a lookup on the ticket's index, in the ticket's order
        return CappedPaginator(query.requests(criteria, user=user), per_page).get_page(page), ""
    paginator = PartsPaginator(criteria, user, per_page)
    suggestion = ""
    if not paginator.count and (suggestion := query.suggestion(criteria)):
        paginator = PartsPaginator(replace(criteria, text=suggestion), user, per_page)
    return paginator.get_page(page), suggestion if paginator.count else ""


def _complaints(criteria: Criteria, user, per_page: int, page) -> Page:
    if criteria.ticket or criteria.status:  # by the ticket's index; none for a request status
        return CappedPaginator(query.complaints(criteria, user=user), per_page).get_page(page)
    return PartsPaginator(criteria, user, per_page, table=query.COMPLAINTS).get_page(page)
