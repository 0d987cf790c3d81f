"""Pencarian: services for everyone, requests only within `ServiceRequest.objects.visible_to`.

A ticket number matches exactly and by prefix. Words go, on PostgreSQL, through full-text search
with the `simple` configuration (no stemming, which suits Indonesian and English alike) over
unaccented text; when no request matches, each word is replaced by the nearest word some request
has (trigram similarity over search.Word) and that is searched for instead. SQLite (development)
matches each word with icontains.

The results page counts and reads requests through `parts()`: the same requests, split so that
each part reads one index and stops early (see there). `requests()` is the whole search as one
query, for the exports.
"""

import datetime
import re
from dataclasses import dataclass

from django.db import connections
from django.db.models import (
    BooleanField,
    Exists,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone

from loket.accounts.models import Role
from loket.accounts.permissions import is_superadmin, roles_of
from loket.catalog.models import Service, StandardRevision
from loket.complaints.models import Complaint
from loket.requests.models import Disposition, ServiceRequest

from .models import Word

# A request's ticket number (DTIK-2026-000123) or a complaint's (K-DTIK-2026-000012), whole or
# its beginning from the year on.
TICKET = re.compile(r"^(?:K-)?[A-Z][A-Z0-9]*-\d{4}(?:-\d*)?$")
MAX_WORDS = 10
QUERY = "websearch_to_tsquery('simple'::regconfig, loket_unaccent(%s))"
NEAR_QUERY = "lower(loket_unaccent(%s))"
# The columns that migrations 0001, 0003 and 0004 add on PostgreSQL to requests and complaints,
# kept by triggers, each with its GIN index: the words (search_words), and the same words tagged
# with the unit (unit_words: '15:presensi').
REQUEST_WORDS = '"requests_servicerequest"."search_words"'
UNIT_QUERY = f"loket_unit_query(%s, {QUERY})"
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
SERVICE_NAME = '"catalog_service"."search_name"'  # lower(loket_unaccent(name_id)), the same way


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
        similarity = f"word_similarity({NEAR_QUERY}, {SERVICE_NAME})"
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
    """The complaints `user` may see: by ticket number exactly or by its beginning, or whose
    ticket, subject or description has every word (on PostgreSQL through their words' index,
    migration 0004, as requests; on SQLite with icontains). The status filter names a request's
    status, so it finds no complaint."""
    if criteria.status:
        return Complaint.objects.none()
    found = _narrowed(Complaint.objects.visible_to(user), criteria).select_related(
        "service", "unit"
    )
    if ticket := criteria.ticket:
        return found.filter(ticket__startswith=ticket).order_by("ticket")
    if criteria.text and on_postgresql(found):
        found = found.filter(_sql(f"{COMPLAINTS.column('search_words')} @@ {QUERY}", criteria))
    else:
        found = _complaints_by_each_word(found, criteria)
    return found.order_by("-submitted_at", "-pk")


def _complaints_by_each_word(found: QuerySet, criteria: Criteria) -> QuerySet:
    for word in criteria.text.split()[:MAX_WORDS]:
        word = word.strip('"')
        if word and word.lower() != "or" and not word.startswith("-"):
            found = found.filter(_any_field(("ticket", "subject", "description"), word))
    return found


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


# Requests and complaints in parts -----------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """What parts() needs of the requests' or the complaints' table."""

    model: type
    own: str  # the field naming the person whose request or complaint it is

    def column(self, name: str) -> str:
        return f'"{self.model._meta.db_table}"."{name}"'

    def for_staff(self, user) -> Q:
        """What staff see in their unit besides their own: what is disposed or assigned to them."""
        if self.model is ServiceRequest:
            return Q(Exists(Disposition.objects.filter(req=OuterRef("pk"), staff=user)))
        return Q(assigned_staff=user)

    def by_each_word(self, found: QuerySet, criteria: Criteria) -> QuerySet:
        """SQLite: every word in one of the fields, with icontains."""
        if self.model is ServiceRequest:
            return _by_each_word(found, criteria).order_by()
        return _complaints_by_each_word(found, criteria)


REQUESTS = Table(ServiceRequest, "requester")
COMPLAINTS = Table(Complaint, "complainant")


@dataclass(frozen=True)
class Part:
    """Some of the requests (or complaints) found. `found` has the words as an index reads them;
    `newest`, the same rows with the words checked row by row, so that PostgreSQL reads them
    through the unit's (or the person's, or everyone's) by date, newest first, and stops at the
    page: the way to read a part with many matches (more than results.COUNT_CAP)."""

    found: QuerySet
    newest: QuerySet


def parts(criteria: Criteria, *, user, table: Table = REQUESTS) -> list[Part]:
    """What `requests()` (or `complaints()`) finds for words or filters, in disjoint parts that
    together are all of it, each read through one index (see scopes()).

    With the words of every unit in one index, PostgreSQL found one unit's matches by reading the
    word's matches in all units and the unit's requests whatever their words, both growing with
    the years of history: 10 to 25 ms a search at 1,000,000 requests, for the count alone. A
    unit's part reads only that unit's entries of the index (unit_words, migrations 0003, 0004).
    """
    model = table.model
    if (found := scopes(user, table)) is None:
        visible = _narrowed(model.objects.visible_to(user).order_by(), criteria)
        return [_part(visible, criteria, table, own=not is_superadmin(user))]
    narrowed = _narrowed(model.objects.order_by(), criteria)
    return [
        _part(narrowed.filter(scope), criteria, table, unit=unit, own=unit is None)
        for unit, scope in found
    ]


def scopes(user, table: Table = REQUESTS) -> list[tuple[int | None, Q]] | None:
    """What `visible_to(user)` gives, as disjoint parts (unit, condition): all of each unit where
    they are Admin Unit or Direktur (Q()), and in each other unit where they are staff what is
    disposed or assigned to them and their own; then (None, condition): their own in other
    units. A unit's part is its condition within that unit. None when visible_to is one condition
    an index reads already: a superadmin's (everything) or a requester's (their own).

    The same rule as visible_to, written as parts because PostgreSQL reads no OR of conditions
    in the order of an index, and estimates one unit's requests 20 times too few when "unit 15"
    is also inside that OR. tests/test_parts.py checks that both give the same rows for every
    role; the page also reads its rows through visible_to again.
    """
    if is_superadmin(user):
        return None
    held = roles_of(user)
    whole = sorted({unit for unit, role in held if role in (Role.UNIT_ADMIN, Role.DIRECTOR)})
    staff = sorted({unit for unit, role in held if role == Role.STAFF} - set(whole))
    if not whole and not staff:
        return None
    own = Q(**{table.own: user})
    return [
        *((unit, Q()) for unit in whole),
        *((unit, own | table.for_staff(user)) for unit in staff),
        (None, own & ~Q(unit_id__in=whole + staff)),
    ]


def _part(found: QuerySet, criteria: Criteria, table: Table, *, unit=None, own=False) -> Part:
    """A part: a unit's rows in `found` (unit), or all of `found`: the person's own (own), their
    words checked row by row, or everyone's, through the words' index."""
    # Newest first through the unit's rows by date (search_*_unit_date), or the words' index.
    newest = found if unit is None else found.filter(unit_id=unit)
    if not criteria.text:
        return Part(newest, newest)
    if not on_postgresql(found):
        newest = table.by_each_word(newest, criteria)
        return Part(newest, newest)
    # The words tested as a function, which no index reads and PostgreSQL does not estimate:
    # with @@ it expects a thousand times too few rows for words that occur together ("tanda
    # tangan elektronik") and so collects and sorts them all rather than read newest first.
    words = table.column("search_words")
    checked = _sql(f"ts_match_vq({words}, {QUERY})", criteria)
    if own:  # a person's own requests are few: read through their index, not all matches
        return Part(found.filter(checked), found.filter(checked))
    if unit is None:
        return Part(found.filter(_sql(f"{words} @@ {QUERY}", criteria)), found.filter(checked))
    # Through the unit's entries of the word index, the plain words checked on the rows they
    # give. The unit is compared as an expression no index reads: else PostgreSQL also reads
    # all the unit's rows to AND them with what the word index gives.
    tagged = RawSQL(
        f"{table.column('unit_words')} @@ {UNIT_QUERY} AND {table.column('unit_id')} + 0 = %s",
        [unit, criteria.text, unit],
        BooleanField(),
    )
    return Part(found.filter(tagged, checked), newest.filter(checked))


def count_parts(found: list[Part], *, cap: int) -> list[int]:
    """How many rows each part has, counting at most cap + 1 of each: one query."""
    queries = [part.found.values("pk")[: cap + 1].query.sql_with_params() for part in found]
    counts = ", ".join(f"(SELECT COUNT(*) FROM ({sql}) AS part)" for sql, _params in queries)
    with connections[found[0].found.db].cursor() as cursor:
        cursor.execute(f"SELECT {counts}", [param for _sql, params in queries for param in params])
        return list(cursor.fetchone())


def read_parts(found: list[Part], counts: list[int], start: int, stop: int, *, cap: int):
    """The ids of rows start to stop of the parts together, newest first: one query."""
    return read_many([(found, counts, start, stop)], cap=cap)[0]


def read_many(pages: list[tuple[list[Part], list[int], int, int]], *, cap: int) -> list[list]:
    """For each (parts, their counts, start, stop), the ids of those rows of the parts together,
    newest first: all in one query (the requests' page and the complaints').

    A part with more than `cap` matches is read newest first and stops at `stop` (its matches
    are at least cap in its unit's rows, so it finds them soon); one with fewer, through its
    index, collecting and sorting at most `cap`."""
    selects, params, db = [], [], None
    for number, (found, counts, start, stop) in enumerate(pages):
        queries = [
            (part.newest if count > cap else part.found)
            .order_by("-submitted_at", "-pk")
            .values_list("pk", "submitted_at")[:stop]
            .query.sql_with_params()
            for part, count in zip(found, counts, strict=True)
            if count
        ]
        if not queries or stop <= start:
            continue
        db = found[0].found.db
        union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS part" for sql, _params in queries)
        selects.append(
            f"SELECT {number:d} AS page, pk, submitted_at FROM (SELECT * FROM ({union}) AS parts"
            f" ORDER BY submitted_at DESC, pk DESC LIMIT {stop - start:d} OFFSET {start:d}) AS p"
        )
        params += [param for _sql, part_params in queries for param in part_params]
    rows: list[list] = [[] for _ in pages]
    if selects:
        with connections[db].cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            for number, pk, submitted_at in cursor.fetchall():
                rows[number].append((submitted_at, pk))
    # A UNION ALL keeps no order of its own: each page's rows are put in order again.
    return [[pk for _at, pk in sorted(page, reverse=True)] for page in rows]
