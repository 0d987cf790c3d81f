"""Pencarian: services for everyone, requests only within `ServiceRequest.objects.visible_to`.

A ticket number matches exactly and by prefix. Words go, on PostgreSQL, through full-text search
with the `simple` configuration (no stemming, which suits Indonesian and English alike) over
unaccented text; when no request matches, each word is replaced by the nearest word some request
has (trigram similarity over search.Word) and that is searched for instead. SQLite (development)
matches each word with icontains.
"""

import datetime
import re
from dataclasses import dataclass

from django.db import connections, transaction
from django.db.models import BooleanField, Exists, FloatField, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone

from loket.catalog.models import Service, StandardRevision
from loket.complaints.models import Complaint
from loket.requests.models import ServiceRequest

from .models import Word

TICKET = re.compile(r"^[A-Z][A-Z0-9]*-\d{4}(?:-\d*)?$")
MAX_WORDS = 10
RECENT = 50_000  # requests, newest first, where a page of a common word is looked for first
QUERY = "websearch_to_tsquery('simple'::regconfig, loket_unaccent(%s))"
NEAR_QUERY = "lower(loket_unaccent(%s))"
# The column that migration 0001 adds on PostgreSQL and a trigger keeps, with its GIN index.
REQUEST_WORDS = '"requests_servicerequest"."search_words"'
# For each word of the search, the most similar word in search_word (its trigram index finds
# candidates with `%`, similarity 0.3 or more), or NULL.
SUGGESTION = """
    SELECT lexeme, (
        SELECT word FROM search_word WHERE word %% lexeme
        ORDER BY similarity(word, lexeme) DESC, word LIMIT 1
    )
    FROM unnest(to_tsvector('simple'::regconfig, loket_unaccent(%s)))
    ORDER BY positions[1]
"""
REQUEST_FIELDS = ("subject", "requesting_unit", "signatory_name", "letter_number", "description")
SERVICE_FIELDS = ("name_id", "name_en", "summary_id", "summary_en", "code")
PLACE_FIELDS = (
    "category__name_id",
    "category__name_en",
    "unit__name_id",
    "unit__name_en",
    "unit__code",
)
STANDARD_FIELDS = (
    *("product_id", "product_en", "application_id", "application_en"),
    *("requirements_id", "requirements_en", "procedure_id", "procedure_en"),
    *("fee_id", "fee_en", "purpose_id", "purpose_en", "scope_id", "scope_en"),
)
# A service's words: its own, its category's and unit's and its current standard's, kept by the
# triggers of migration 0002 in a column of catalog_service (PostgreSQL only, as for requests).
SERVICE_WORDS = '"catalog_service"."search_words"'


@dataclass(frozen=True)
class Criteria:
    """What was asked: words or a ticket number, and the filters that narrow requests."""

    text: str = ""
    status: str = ""
    service: Service | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None

    @property
    def ticket(self) -> str:
        """The ticket number (or its beginning) that the text is, else ""."""
        candidate = self.text.strip().upper()
        return candidate if TICKET.match(candidate) else ""

    @property
    def narrows_requests(self) -> bool:
        return bool(self.status or self.service or self.since or self.until)

    def words(self) -> list[str]:
        """The words to find, without web-search syntax (quotes, a leading minus, "or")."""
        if self.ticket:
            return [self.ticket]
        words = (w.strip("\"'").lstrip("-") for w in self.text.split())
        return [w for w in words if w and w.lower() != "or"][:MAX_WORDS]


def on_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


# Services -----------------------------------------------------------------------------------


def services(criteria: Criteria, *, near: bool = False) -> QuerySet[Service]:
    """Active services whose name, category, unit or current standard has the words."""
    found = Service.objects.for_cards()
    if not criteria.text or criteria.ticket:
        return found.none()
    if not on_postgresql(found):
        return found.none() if near else _services_by_each_word(found, criteria)
    if near:
        similarity = (
            f"word_similarity({NEAR_QUERY}, lower(loket_unaccent(catalog_service.name_id)))"
        )
        return (
            found.alias(similarity=RawSQL(similarity, [criteria.text], FloatField()))
            .filter(similarity__gte=0.5)
            .order_by("-similarity", "order")
        )
    rank = RawSQL(f"ts_rank({SERVICE_WORDS}, {QUERY})", [criteria.text], FloatField())
    return (
        found.filter(_sql(f"{SERVICE_WORDS} @@ {QUERY}", criteria))
        .alias(rank=rank)
        .order_by("-rank", "order", "name_id")
    )


def _services_by_each_word(found: QuerySet, criteria: Criteria) -> QuerySet:
    found = found.alias(standard=Subquery(_current_standard().values("pk")[:1]))
    condition = Q()
    for word in criteria.words():
        standard = StandardRevision.objects.filter(pk=OuterRef("standard"))
        in_standard = Exists(standard.filter(_any_field(STANDARD_FIELDS, word)))
        condition &= _any_field(SERVICE_FIELDS + PLACE_FIELDS, word) | Q(in_standard)
    return found.filter(condition)


def _current_standard() -> QuerySet[StandardRevision]:
    newest_first = StandardRevision.objects.order_by("-effective_date", "-id")
    return newest_first.filter(service=OuterRef("pk"))


# Requests -----------------------------------------------------------------------------------


def requests(criteria: Criteria, *, user) -> QuerySet[ServiceRequest]:
    """The requests `user` may see that match, newest first (by ticket for a ticket number)."""
    found = _narrowed(ServiceRequest.objects.visible_to(user), criteria).select_related(
        "service", "unit"
    )
    if ticket := criteria.ticket:
        return found.filter(ticket__startswith=ticket).order_by("ticket")
    if criteria.text and not on_postgresql(found):
        found = _by_each_word(found, criteria)
    elif criteria.text:
        found = found.filter(_sql(f"{REQUEST_WORDS} @@ {QUERY}", criteria))
    return found.order_by("-submitted_at", "-id")


def suggestion(criteria: Criteria) -> str:
    """The words, each replaced by the nearest word some request has (by trigram similarity),
    when that changes any: what to search for instead when nothing matched. "" otherwise, and
    always on SQLite, where the list of words stays empty."""
    if criteria.ticket or not criteria.text or not on_postgresql(Word.objects.all()):
        return ""
    with connections[Word.objects.db].cursor() as cursor:
        cursor.execute(SUGGESTION, [criteria.text])
        pairs = cursor.fetchall()
    words = [near or word for word, near in pairs]
    return " ".join(words) if any(near and near != word for word, near in pairs) else ""


def _sql(template: str, criteria: Criteria) -> RawSQL:
    return RawSQL(template, [criteria.text], BooleanField())


def complaints(criteria: Criteria, *, user) -> QuerySet:
    """The complaints `user` may see whose ticket, subject or description has every word.

    Few compared with requests, so plain `icontains` on both databases. The status filter names
    a request's status, so it finds no complaint.
    """
    if criteria.status:
        return Complaint.objects.none()
    found = _narrowed(Complaint.objects.visible_to(user), criteria).select_related(
        "service", "unit"
    )
    for word in criteria.text.split()[:MAX_WORDS]:
        word = word.strip('"')
        if word and word.lower() != "or" and not word.startswith("-"):
            found = found.filter(
                Q(ticket__icontains=word)
                | Q(subject__icontains=word)
                | Q(description__icontains=word)
            )
    return found.order_by("-submitted_at", "-pk")


def _narrowed(found: QuerySet, criteria: Criteria) -> QuerySet:
    if criteria.status:
        found = found.filter(status=criteria.status)
    if criteria.service:
        found = found.filter(service=criteria.service)
    # Whole local days, as bounds on the indexed column (not a per-row date conversion).
    if criteria.since:
        found = found.filter(submitted_at__gte=_start_of(criteria.since))
    if criteria.until:
        found = found.filter(submitted_at__lt=_start_of(criteria.until + datetime.timedelta(1)))
    return found


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _by_each_word(found: QuerySet, criteria: Criteria) -> QuerySet:
    for word in criteria.words():
        found = found.filter(_any_field([*REQUEST_FIELDS, "ticket"], word))
    return found.order_by("-submitted_at", "-id")


def _any_field(fields, word: str) -> Q:
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": word})
    return condition


def fetch(found: QuerySet, start: int, stop: int, *, many: bool) -> list:
    """Rows start to stop of `found`, read now.

    A common word matches tens of thousands of requests, and PostgreSQL collects and sorts them
    all for one page of the newest; when several words usually occur together ("tanda tangan
    elektronik") it even expects a thousand times too few, and so never reads by date instead.
    When the count found more than results.COUNT_CAP matches, the page is therefore looked for
    first among the RECENT newest requests, read newest first: a bounded read. If the whole page
    is there, it is exactly the page the full search gives; otherwise the full search runs.
    """
    if many and on_postgresql(found) and found.query.order_by[:1] == ("-submitted_at",):
        newest = ServiceRequest.objects.order_by("-submitted_at").values_list("submitted_at")
        if cutoff := newest[RECENT : RECENT + 1].first():
            recent = found.filter(submitted_at__gte=cutoff[0])[start:stop]
            if len(rows := _read_by_date(recent)) == stop - start:
                return rows
    return list(found[start:stop])


def _read_by_date(found: QuerySet) -> list:
    """The planner is told not to collect matches through the word index for this one query."""
    with transaction.atomic(using=found.db), connections[found.db].cursor() as cursor:
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        rows = list(found)
        cursor.execute("SET LOCAL enable_bitmapscan = on")  # also when inside a savepoint
    return rows
