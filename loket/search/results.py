"""One results page of a search, shared by the Pencarian page and the API."""

from dataclasses import dataclass, replace
from functools import cached_property
from math import ceil

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
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
    the page's ids, newest first, and one reads those rows for the page. `together()` counts the
    requests and complaints in one query, and finds both pages' ids in another."""

    def __init__(self, criteria: Criteria, user, per_page: int, *, table=query.REQUESTS) -> None:
        super().__init__(table.model.objects.none(), per_page)
        self.user, self.table, self.cap = user, table, COUNT_CAP
        self.parts = query.parts(criteria, user=user, table=table)
        self.ids: dict[int, list] = {}  # page number: the ids read for it by together()

    @cached_property
    def counts(self) -> list[int]:
        return query.count_parts(self.parts, cap=self.cap)

    @cached_property
    def count(self) -> int:
        return min(sum(self.counts), self.cap)

    @property
    def more(self) -> bool:
        return sum(self.counts) > self.cap

    def bounds(self, number: int) -> tuple[int, int]:
        start = (number - 1) * self.per_page
        return start, min(start + self.per_page, self.count)

    def number(self, number) -> int:
        """The page get_page() shows for `number`."""
        try:
            return self.validate_number(number)
        except PageNotAnInteger:
            return 1
        except EmptyPage:
            return self.num_pages

    def page(self, number) -> Page:
        number = self.validate_number(number)
        if (ids := self.ids.get(number)) is None:
            ids = query.read_parts(self.parts, self.counts, *self.bounds(number), cap=self.cap)
        # Read again within what the person may see (the ids came from there already).
        rows = self.table.model.objects.visible_to(self.user).select_related("service", "unit")
        found = rows.in_bulk(ids)
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)

    @staticmethod
    def count_together(paginators: list["PartsPaginator"]) -> None:
        uncounted = [p for p in paginators if "counts" not in p.__dict__]
        if not uncounted:
            return
        counts = query.count_parts([part for p in uncounted for part in p.parts], cap=COUNT_CAP)
        for paginator in uncounted:
            paginator.counts, counts = (
                counts[: len(paginator.parts)],
                counts[len(paginator.parts) :],
            )

    @staticmethod
    def read_together(pages: list[tuple["PartsPaginator", int]]) -> None:
        """Find the ids of each paginator's page in one query, for its page() to read."""
        pages = [(paginator, paginator.number(number)) for paginator, number in pages]
        found = query.read_many(
            [(p.parts, p.counts, *p.bounds(number)) for p, number in pages], cap=COUNT_CAP
        )
        for (paginator, number), ids in zip(pages, found, strict=True):
            paginator.ids[number] = ids


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
    services = requests = complaints = None
    near_services, suggestion = False, ""
    wants_services = kind == Kind.SERVICES or (
        kind == Kind.EVERYTHING and not criteria.narrows_requests
    )
    if wants_services and criteria.text and not criteria.ticket:
        size, number = (per_page, page) if kind == Kind.SERVICES else (SERVICES_PREVIEW, 1)
        services, near_services = _services(criteria, size, number)
    asked = getattr(user, "is_authenticated", False) and (
        criteria.text or criteria.narrows_requests
    )
    pages: dict[str, tuple[PartsPaginator, int]] = {}
    if asked and kind in (Kind.EVERYTHING, Kind.REQUESTS):
        if criteria.ticket:  # a lookup on the ticket's index, in the ticket's order
            found = CappedPaginator(query.requests(criteria, user=user), per_page)
            requests = found.get_page(page)
        else:
            pages["requests"] = (PartsPaginator(criteria, user, per_page), page)
    if asked and kind in (Kind.EVERYTHING, Kind.COMPLAINTS):
        number = page if kind == Kind.COMPLAINTS else 1
        if criteria.ticket or criteria.status:  # by the ticket's index; none for a status
            found = CappedPaginator(query.complaints(criteria, user=user), per_page)
            complaints = found.get_page(number)
        else:
            pages["complaints"] = (
                PartsPaginator(criteria, user, per_page, table=query.COMPLAINTS),
                number,
            )
    PartsPaginator.count_together([paginator for paginator, _number in pages.values()])
    if "requests" in pages and not pages["requests"][0].count:
        # No request has the words: look for the nearest words requests have instead.
        if suggestion := query.suggestion(criteria):
            instead = PartsPaginator(replace(criteria, text=suggestion), user, per_page)
            pages["requests"] = (instead, page)
            if not instead.count:
                suggestion = ""
    PartsPaginator.read_together(list(pages.values()))
    if "requests" in pages:
        requests = pages["requests"][0].get_page(pages["requests"][1])
    if "complaints" in pages:
        complaints = pages["complaints"][0].get_page(pages["complaints"][1])
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
