"""Many requests with their timelines, quickly, for benchmarks (PostgreSQL COPY).

`seed_requests(1_000_000)` fills two inactive units (SRCH, 90% of the requests, and SRCH2) with
requests in every status, each with the events that led there, written with COPY in batches of
BATCH rows, one transaction per batch. It is resumable: a second call counts what is there and
goes on from there (nothing is done when the count is reached). Rows are made from word lists
with a seeded random generator, so the same count gives the same data.
"""

import datetime
import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from loket.accounts.models import Role, UnitRole, User
from loket.catalog.models import Application, Audience, Category, Service, Unit
from loket.requests.models import Event, ServiceRequest, Status

from .words import APPS, FEATURES, FIRST_NAMES, LAST_NAMES, PURPOSES, REQUESTING_UNITS, VERBS

BATCH = 20_000
REQUESTS_PER_REQUESTER = 500
UNITS = (("SRCH", "Unit Uji Pencarian"), ("SRCH2", "Unit Uji Pencarian Kecil"))
FIRST_SUBMISSION = datetime.datetime(2021, 1, 4, 8, tzinfo=datetime.UTC)
SPACING = datetime.timedelta(minutes=2)  # between two requests' submissions
VERIFY = ("verify", Status.VERIFIED, "admin")
FORWARD = ("forward", Status.FORWARDED, "admin")
WORK = [("dispose", Status.DISPOSED, "director"), ("start_work", Status.IN_PROGRESS, "staff")]
DONE = [("add_note", "", "staff"), ("complete", Status.COMPLETED, "staff")]
# status: (its share in percent, the steps after "submit" that led there: action, status, who)
PATHS = {
    Status.SUBMITTED: (12, []),
    Status.RETURNED: (3, [("return_for_revision", Status.RETURNED, "admin")]),
    Status.REJECTED: (3, [("reject", Status.REJECTED, "admin")]),
    Status.CANCELLED: (3, [("cancel", Status.CANCELLED, "requester")]),
    Status.VERIFIED: (4, [VERIFY]),
    Status.FORWARDED: (4, [VERIFY, FORWARD]),
    Status.DISPOSED: (4, [VERIFY, FORWARD, WORK[0]]),
    Status.IN_PROGRESS: (7, [VERIFY, FORWARD, *WORK]),
    Status.COMPLETED: (25, [VERIFY, FORWARD, *WORK, *DONE]),
    Status.CLOSED: (35, [VERIFY, FORWARD, *WORK, *DONE, ("close", Status.CLOSED, "requester")]),
}
FINISHED = {Status.COMPLETED, Status.CLOSED}
STATUSES = list(PATHS)
WEIGHTS = [PATHS[s][0] for s in STATUSES]


@dataclass(frozen=True)
class Cast:
    """The bench's units, services, applications and people."""

    units: list[Unit]
    services: dict[int, list[Service]]
    applications: dict[int, list[int]]
    requesters: list[int]
    staff: dict[str, dict[int, int]]  # role: unit id: user id


@dataclass(frozen=True)
class Seeded:
    requests: int
    added: int
    events: int
    seconds: float


def seed_requests(
    count: int, *, batch: int = BATCH, progress: Callable[[str], None] = lambda line: None
) -> Seeded:
    """Make the bench units hold `count` requests (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        raise RuntimeError("The seeder writes with PostgreSQL's COPY: set DATABASE_URL.")
    cast = prepare(count)
    present = bench_requests(cast).count()
    if present >= count:
        progress(f"{present:,} requests already present in SRCH and SRCH2: seeding skipped.")
        return Seeded(present, 0, 0, 0.0)
    started, events = time.perf_counter(), 0
    for first in range(present, count, batch):
        size = min(batch, count - first)
        with transaction.atomic():
            events += _seed_batch(cast, first, size)
        done, elapsed = first + size, time.perf_counter() - started
        rate = (done - present) / elapsed
        progress(
            f"  {done:,}/{count:,} requests ({events:,} events) · {rate:,.0f} requests/s"
            f" · about {(count - done) / rate:,.0f} s to go"
        )
    _after_loading()
    return Seeded(count, count - present, events, time.perf_counter() - started)


def bench_requests(cast: Cast):
    return ServiceRequest.objects.filter(unit__in=cast.units)


# The cast ------------------------------------------------------------------------------------


def prepare(count: int) -> Cast:
    category, _ = Category.objects.get_or_create(
        slug="uji-pencarian", defaults={"name_id": "Uji Pencarian", "name_en": "Search bench"}
    )
    units, services, applications, staff = [], {}, {}, {}
    for code, name in UNITS:
        unit, _ = Unit.objects.get_or_create(
            code=code, defaults={"slug": code.lower(), "name_id": name, "is_active": False}
        )
        units.append(unit)
        services[unit.pk] = [_service(unit, category, n) for n in range(1, 6)]
        applications[unit.pk] = [_application(unit, name).pk for name in APPS]
        for role in Role:
            user = _person(f"bench-{role.value}-{code.lower()}")
            UnitRole.objects.get_or_create(user=user, unit=unit, role=role)
            staff.setdefault(role.value, {})[unit.pk] = user.pk
    _person("bench-superadmin", is_superuser=True)
    requesters = _requesters(max(1, count // REQUESTS_PER_REQUESTER))
    return Cast(units, services, applications, requesters, staff)


def _service(unit: Unit, category: Category, n: int) -> Service:
    return Service.objects.get_or_create(
        slug=f"{unit.slug}-layanan-{n}",
        defaults={
            "unit": unit,
            "category": category,
            "name_id": f"Layanan Uji Pencarian {n}",
            "asks_for_application": True,
        },
    )[0]


def _application(unit: Unit, name: str) -> Application:
    return Application.objects.get_or_create(
        owner_unit=unit, name=name, defaults={"audience": Audience.CIVITAS}
    )[0]


def _person(username: str, *, is_superuser: bool = False) -> User:
    user, _ = User.objects.get_or_create(
        username=username,
        defaults={"full_name": username, "is_superuser": is_superuser, "password": "!"},
    )
    return user


def _requesters(wanted: int) -> list[int]:
    names = [f"bench-requester-{n:05d}" for n in range(wanted)]
    present = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    rng = random.Random(7)
    User.objects.bulk_create(
        User(
            username=name,
            password="!",
            full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        )
        for name in names
        if name not in present
    )
    return list(User.objects.filter(username__in=names).order_by("pk").values_list("pk", flat=True))


# A batch -------------------------------------------------------------------------------------


def _seed_batch(cast: Cast, first: int, size: int) -> int:
    return copy_batch(cast, first, size, _request)


def copy_batch(cast, first: int, size: int, make: Callable) -> int:
    """COPY requests number `first` to `first + size - 1`, each `make(cast, n, rng)`, with
    their timelines (`cast.staff`: role, unit id, user id); the number of events."""
    rng = random.Random(first)
    next_id = (ServiceRequest.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    requests, events = [], []
    for offset, n in enumerate(range(first, first + size)):
        req = make(cast, n, rng)
        requests.append((next_id + offset, *(req[column] for column in REQUEST_COLUMNS)))
        events.extend(_timeline(cast, next_id + offset, req, rng))
    copy_rows(ServiceRequest, REQUEST_COLUMNS, requests, with_pk=True)
    copy_rows(Event, EVENT_COLUMNS, events)
    return len(events)


REQUEST_COLUMNS = [
    "ticket",
    "unit_id",
    "service_id",
    "requester_id",
    "intake",
    "status",
    "application_id",
    "subject",
    "description",
    "desired_features",
    "letter_number",
    "letter_date",
    "signatory_name",
    "signatory_position",
    "requesting_unit",
    "whatsapp",
    "submitted_at",
    "due_date",
    "returned_at",
    "completed_at",
    "closed_at",
    "result_summary",
]
EVENT_COLUMNS = [
    "req_id",
    "action",
    "actor_id",
    "created_at",
    "from_status",
    "to_status",
    "note",
    "is_public",
    "data",
]


def _request(cast: Cast, n: int, rng: random.Random) -> dict:
    unit = cast.units[0] if n % 10 else cast.units[1]
    number = n - n // 10 if n % 10 else n // 10 + 1  # each unit's own running number
    submitted = FIRST_SUBMISSION + n * SPACING
    return request_row(
        rng,
        n=n,
        ticket=f"{unit.code}-{submitted.year}-{number:06d}",
        unit_id=unit.pk,
        submitted=submitted,
        status=rng.choices(STATUSES, WEIGHTS)[0],
        service_id=rng.choice(cast.services[unit.pk]).pk,
        requester_id=rng.choice(cast.requesters),
        application_id=rng.choice(cast.applications[unit.pk]),
        letter_code="TI",
    )


def request_row(
    rng: random.Random,
    *,
    n: int,
    ticket: str,
    unit_id: int,
    submitted,
    status: str,
    service_id: int,
    requester_id: int,
    application_id: int,
    letter_code: str,
) -> dict:
    """One request's columns (REQUEST_COLUMNS), its words drawn from the word lists."""
    app, requesting_unit = rng.choice(APPS), rng.choice(REQUESTING_UNITS)
    feature, other = rng.sample(FEATURES, 2)
    finished = submitted + datetime.timedelta(days=rng.randint(3, 20))
    return {
        "ticket": ticket,
        "unit_id": unit_id,
        "service_id": service_id,
        "requester_id": requester_id,
        "intake": "portal",
        "status": status,
        "application_id": application_id,
        "subject": f"{rng.choice(VERBS)} {feature} {app}",
        "description": f"Mohon {feature} dan {other} pada {app} untuk {rng.choice(PURPOSES)} "
        f"di {requesting_unit}.",
        "desired_features": "",
        "letter_number": f"{n + 1}/UN/{letter_code}/{submitted.year}",
        "letter_date": submitted.date(),
        "signatory_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        "signatory_position": "Pimpinan Unit",
        "requesting_unit": requesting_unit,
        "whatsapp": f"+62812{n % 10**8:08d}",
        "submitted_at": submitted,
        "due_date": (submitted + datetime.timedelta(days=20)).date(),
        "returned_at": finished if status == Status.RETURNED else None,
        "completed_at": finished if status in FINISHED else None,
        "closed_at": finished
        if status in (Status.CLOSED, Status.REJECTED, Status.CANCELLED)
        else None,
        "result_summary": f"{feature.capitalize()} {app} sudah tersedia."
        if status in FINISHED
        else "",
    }


def _timeline(cast: Cast, req_id: int, req: dict, rng: random.Random) -> Iterable[tuple]:
    unit_id = req["unit_id"]
    people = {"requester": req["requester_id"]} | {
        key: cast.staff[role][unit_id]
        for key, role in (("admin", "unit_admin"), ("director", "director"), ("staff", "staff"))
    }
    steps = [("submit", Status.SUBMITTED, "requester"), *PATHS[req["status"]][1]]
    current, at = "", req["submitted_at"]
    for action, after, who in steps:
        public = action != "add_note" or rng.random() < 0.5
        yield (req_id, action, people[who], at, current, after, "", public, "{}")
        current = after or current
        at += datetime.timedelta(hours=rng.randint(1, 48))


# COPY ----------------------------------------------------------------------------------------


def copy_rows(model, columns: list[str], rows: Iterable[tuple], *, with_pk: bool = False) -> None:
    """COPY `rows` (tuples in the order of `columns`, the primary key first when `with_pk`)
    into the model's table on the current connection, inside the caller's transaction."""
    names = (["id"] if with_pk else []) + columns
    quoted = ", ".join(connection.ops.quote_name(name) for name in names)
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        with cursor.copy(f"COPY {model._meta.db_table} ({quoted}) FROM STDIN") as stream:
            for row in rows:
                stream.write_row(row)


def _after_loading() -> None:
    """Move the id sequences past the copied ids and refresh the planner's statistics."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [ServiceRequest, Event]):
            cursor.execute(statement)
        for model in (ServiceRequest, Event):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
        cursor.execute("ANALYZE")  # the small tables too: the bench's people and catalog
