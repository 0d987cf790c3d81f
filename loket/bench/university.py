"""A university's years of history, for `make bench` (PostgreSQL COPY and INSERT … SELECT).

The data set is a list of steps (`STEPS`), run in order; each knows how much of its share is
already there and adds only the rest, so an interrupted run resumes and a finished one is
skipped. A new kind of data is one more `Step` at the end.

Sizes follow the number of requests (`Size.of(count)`): at 1,000,000 requests, 20 units, 300
services, 100,000 people, about 8 events a request, 2,000,000 notifications, 300,000
questionnaire answers and 100,000 complaints with their timelines (`complaints.py`). Requests
arrive every SPACING, newest last; only the newest IN_FLIGHT are still being worked on (the
inboxes' content), so a larger database holds more years of finished requests, as a real one
does, and not a longer queue; likewise for complaints (`complaints.UNDER_WAY`).
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from loket.accounts.models import Role, UnitRole, User
from loket.catalog.models import Application, Audience, Category, Service, StandardRevision, Unit
from loket.notifications.models import Message
from loket.requests.models import ServiceRequest, Status, TicketCounter
from loket.surveys import rollup
from loket.surveys.models import Response

from . import complaints, seed
from .progress import Progress
from .words import APPS, FEATURES, FIRST_NAMES, LAST_NAMES, PURPOSES, REQUESTING_UNITS, VERBS

UNITS = 20
SERVICES_PER_UNIT = 15
STAFF_PER_UNIT = 3
SPACING = datetime.timedelta(seconds=150)  # about 575 requests a day
IN_FLIGHT = 3_000  # the newest requests, still being worked on
HEAVY_REQUESTS = 200  # the requests of the one requester Riwayat Saya is timed for
HEAVY_REQUESTER = "bench-pemohon-200"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # the bench's unit roles' authenticator app
BATCH = 20_000
# Finished requests: how the old ones ended (percent).
ENDINGS = {Status.CLOSED: 88, Status.COMPLETED: 3, Status.REJECTED: 5, Status.CANCELLED: 4}


@dataclass(frozen=True)
class Size:
    requests: int
    users: int
    notifications: int
    responses: int  # about: every third closed request is answered
    complaints: int

    @classmethod
    def of(cls, requests: int) -> "Size":
        return cls(
            requests=requests,
            users=max(1_000, requests // 10),
            notifications=2 * requests,
            responses=requests * 3 // 10,
            complaints=requests // complaints.PER_REQUESTS,
        )


@dataclass(frozen=True)
class Step:
    label: str
    present: Callable[[Size], int]  # how much of the step is there
    wanted: Callable[[Size], int]
    run: Callable[[Size, Progress], None]  # adds what is missing


def seed_university(size: Size, *, write: Callable[[str], None] | None = None) -> None:
    if connection.vendor != "postgresql":
        raise RuntimeError("The seeder writes with PostgreSQL's COPY: set DATABASE_URL.")
    complaints.ensure_evidence()  # also where another checkout seeded the complaints
    for step in STEPS:
        present, wanted = step.present(size), step.wanted(size)
        if present >= wanted:
            (write or print)(f"  {step.label:<22} {present:,} present: skipped")
            continue
        progress = Progress(step.label, wanted, write=write)
        progress.advance(present)
        step.run(size, progress)
    # As the daily job leaves a production database (loket/surveys/rollup.py): every ended
    # month added up for the IKM reports. Each run recomputes them all (2.4 s at 1,000,000).
    rows = rollup.roll_up()
    (write or print)(f"  {'IKM roll-up':<22} {rows:,} service-months, every ended month")
    _analyze()


# Catalog and people -------------------------------------------------------------------------


def unit_code(n: int) -> str:
    return f"B{n:02d}"


def bench_units():
    return Unit.objects.filter(code__in=[unit_code(n) for n in range(1, UNITS + 1)])


def _seed_catalog(size: Size, progress: Progress) -> None:
    category_names = ["Layanan Aplikasi", "Layanan Akademik", "Layanan Umum"]
    categories = [
        Category.objects.get_or_create(
            slug=f"bench-{n}", defaults={"name_id": name, "name_en": f"Bench services {n}"}
        )[0]
        for n, name in enumerate(category_names, start=1)
    ]
    for n in range(1, UNITS + 1):
        with transaction.atomic():
            unit, _ = Unit.objects.get_or_create(
                code=unit_code(n),
                defaults={
                    "slug": unit_code(n).lower(),
                    "name_id": REQUESTING_UNITS[n - 1],
                    "name_en": f"Bench unit {n}",
                    "office_id": "Kantor Pusat",
                },
            )
            for app in APPS[:10]:
                Application.objects.get_or_create(
                    owner_unit=unit, name=app, defaults={"audience": Audience.CIVITAS}
                )
            for k in range(1, SERVICES_PER_UNIT + 1):
                _service(unit, categories[k % len(categories)], k)
        progress.advance(SERVICES_PER_UNIT)


def _service(unit: Unit, category: Category, k: int) -> None:
    service, created = Service.objects.get_or_create(
        slug=f"{unit.slug}-layanan-{k}",
        defaults={
            "unit": unit,
            "category": category,
            "name_id": f"{VERBS[k % len(VERBS)]} {FEATURES[k]} {unit.code}",
            "name_en": f"Service {k} of {unit.code}",
            "summary_id": f"Layanan {FEATURES[k]} untuk {PURPOSES[k % len(PURPOSES)]}.",
            "order": k,
            "asks_for_application": k == 1,
        },
    )
    if created:
        StandardRevision.objects.create(
            service=service,
            version="1.0",
            effective_date=datetime.date(2024, 1, 2),
            prepared_by="Tim Mutu",
            product_id=f"{FEATURES[k].capitalize()} yang diminta",
            application_id="Loket",
            requirements_id="Surat permohonan\nIdentitas pemohon",
            procedure_id="Pemohon mengajukan\nAdmin Unit memverifikasi\nStaf mengerjakan",
            completion_days=14,
            fee_id="Tidak dipungut biaya",
            purpose_id=f"Memberikan layanan {FEATURES[k]}.",
            rules_id="Surat ditandatangani pimpinan unit",
        )


def _seed_people(size: Size, progress: Progress) -> None:
    with transaction.atomic():
        _seed_unit_roles()
    present = set(User.objects.filter(username__startswith="bench-user-").values_list("username"))
    rng = random.Random(3)
    now = timezone.now()
    rows = []
    for n in range(size.users):
        name = f"bench-user-{n:06d}"
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        if (name,) not in present:
            rows.append((name, "!", f"{first} {last}", f"{name}@example.ac.id", now))
    for first in range(0, len(rows), BATCH):
        with transaction.atomic():
            seed.copy_rows(User, USER_COLUMNS, (_user_row(*r) for r in rows[first : first + BATCH]))
        progress.advance(len(rows[first : first + BATCH]))


USER_COLUMNS = [
    "username",
    "password",
    "full_name",
    "email",
    "date_joined",
    "first_name",
    "last_name",
    "is_superuser",
    "is_staff",
    "is_active",
    "identity_number",
    "origin",
    "whatsapp",
    "language",
    "is_demo",
]


def _user_row(username, password, full_name, email, joined) -> tuple:
    return (username, password, full_name, email, joined, "", "", False, False, True) + (
        ("", "", "", "", False)
    )


def _seed_unit_roles() -> None:
    """Each unit's Admin Unit and Direktur (with an authenticator app, as the portal requires of
    them), its staff, a superadmin, and the requester with HEAVY_REQUESTS requests."""
    for unit in bench_units():
        for role, names in (
            (Role.UNIT_ADMIN, [f"bench-admin-{unit.slug}"]),
            (Role.DIRECTOR, [f"bench-director-{unit.slug}"]),
            (Role.STAFF, [f"bench-staff-{unit.slug}-{k}" for k in range(1, STAFF_PER_UNIT + 1)]),
        ):
            for name in names:
                user = _person(name, totp=role != Role.STAFF)
                UnitRole.objects.get_or_create(user=user, unit=unit, role=role)
    _person("bench-superadmin", totp=True, is_superuser=True)
    _person(HEAVY_REQUESTER)


def _person(username: str, *, totp: bool = False, is_superuser: bool = False) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "full_name": username.replace("-", " ").title(),
            "email": f"{username}@example.ac.id",
            "is_superuser": is_superuser,
            "is_staff": is_superuser,
            "password": "!",
        },
    )
    if totp and not Authenticator.objects.filter(user=user, type="totp").exists():
        TOTP.activate(user, TOTP_SECRET)
    return user


# Requests and their timelines ----------------------------------------------------------------


@dataclass(frozen=True)
class Cast:
    """What `seed._timeline` and the request rows need: ids only."""

    units: list[tuple[int, str]]  # (id, code)
    services: dict[int, list[int]]
    applications: dict[int, list[int]]
    requesters: list[int]
    heavy: int
    staff: dict[str, dict[int, int]]  # role: unit id: user id
    end: datetime.datetime  # the newest request's submission


def _cast(size: Size) -> Cast:
    units = list(bench_units().order_by("code").values_list("pk", "code"))
    services, applications = {}, {}
    for unit_id, _code in units:
        services[unit_id] = list(
            Service.objects.filter(unit_id=unit_id).order_by("order").values_list("pk", flat=True)
        )
        applications[unit_id] = list(
            Application.objects.filter(owner_unit_id=unit_id).values_list("pk", flat=True)
        )
    staff: dict[str, dict[int, int]] = {}
    # The timelines name each unit's Admin Unit, Direktur and first staff member.
    roles = UnitRole.objects.filter(unit_id__in=services).order_by("-user__username")
    for unit_id, role, user_id in roles.values_list("unit_id", "role", "user_id"):
        staff.setdefault(role, {})[unit_id] = user_id
    requesters = list(
        User.objects.filter(username__startswith="bench-user-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    heavy = User.objects.get(username=HEAVY_REQUESTER).pk
    return Cast(units, services, applications, requesters, heavy, staff, _end(size, units))


def _end(size: Size, units) -> datetime.datetime:
    """The newest request's time: found from the first one when resuming, else about now."""
    first = _requests(units).aggregate(first=Min("submitted_at"))["first"]
    if first:
        return first + (size.requests - 1) * SPACING
    return timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=1)


def _requests(units):
    return ServiceRequest.objects.filter(unit_id__in=[pk for pk, _code in units])


def _seed_requests(size: Size, progress: Progress) -> None:
    cast = _cast(size)
    present = _requests(cast.units).count()
    for first in range(present, size.requests, BATCH):
        count = min(BATCH, size.requests - first)
        with transaction.atomic():
            _request_batch(cast, size, first, count)
        progress.advance(count)
    _after_requests(cast, size)


def _request_batch(cast: Cast, size: Size, first: int, count: int) -> None:
    seed.copy_batch(cast, first, count, lambda cast, n, rng: _request(cast, size, n, rng))


def status_of(n: int, total: int, rng: random.Random) -> str:
    """Old requests have ended; the newest IN_FLIGHT are anywhere on their way."""
    if n < total - IN_FLIGHT:
        return rng.choices(list(ENDINGS), list(ENDINGS.values()))[0]
    return rng.choices(seed.STATUSES, seed.WEIGHTS)[0]


def _request(cast: Cast, size: Size, n: int, rng: random.Random) -> dict:
    unit_id, code = cast.units[n % len(cast.units)]
    submitted = cast.end - (size.requests - 1 - n) * SPACING
    heavy = n % max(1, size.requests // HEAVY_REQUESTS) == 0
    return seed.request_row(
        rng,
        n=n,
        ticket=ticket(code, submitted, n),
        unit_id=unit_id,
        submitted=submitted,
        status=status_of(n, size.requests, rng),
        service_id=rng.choice(cast.services[unit_id]),
        requester_id=cast.heavy if heavy else rng.choice(cast.requesters),
        application_id=rng.choice(cast.applications[unit_id]),
        letter_code=code,
    )


def ticket(code: str, submitted: datetime.datetime, n: int) -> str:
    """Each unit's running number (the workflow's TicketCounter goes on above it)."""
    return f"{code}-{submitted.year}-{n // UNITS + 1:06d}"


def _after_requests(cast: Cast, size: Size) -> None:
    """New tickets continue above the seeded ones; the id sequences move past the copied ids."""
    last = (size.requests - 1) // UNITS + 1
    year = timezone.localdate().year
    for unit_id, _code in cast.units:
        TicketCounter.objects.update_or_create(unit_id=unit_id, year=year, defaults={"last": last})
    seed._after_loading()


# Notifications and questionnaire answers: made by the database from the requests -------------

NOTIFICATIONS_SQL = """
INSERT INTO notifications_message (key, recipient_id, channel, trigger, audience, req_id,
    language, address, title, body, link, params, state, attempts, next_attempt_at, claim,
    provider_id, last_error, created_at, sent_at, read_at)
SELECT md5('bench-' || r.id || '-' || k)::uuid, r.requester_id,
    CASE k WHEN 1 THEN 'inbox' ELSE 'whatsapp' END,
    CASE WHEN r.status IN ('closed', 'completed') THEN 'completed' ELSE 'submitted' END,
    'requester', r.id, 'id', CASE k WHEN 1 THEN '' ELSE r.whatsapp END,
    'Permintaan ' || r.ticket, 'Status permintaan Anda berubah.',
    %(site)s || '/permintaan/' || r.ticket || '/', '[]'::jsonb,
    CASE k WHEN 1 THEN (CASE WHEN r.id %% 4 = 0 THEN 'sent' ELSE 'read' END) ELSE 'sent' END,
    1, r.submitted_at, '', '', '', r.submitted_at, r.submitted_at,
    CASE WHEN k = 1 AND r.id %% 4 <> 0 THEN r.submitted_at END
FROM requests_servicerequest r CROSS JOIN generate_series(1, 2) AS k
WHERE r.id >= %(low)s AND r.id < %(high)s AND r.unit_id = ANY(%(units)s)
"""

RESPONSES_SQL = (
    """
INSERT INTO surveys_response (req_id, unit_id, service_id, answered_at, month,
    u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age_group, education, occupation, suggestion)
SELECT r.id, r.unit_id, r.service_id, r.closed_at,
    date_trunc('month', r.closed_at AT TIME ZONE %(tz)s)::date,
    """
    + ", ".join(f"1 + ((r.id * {p}) %% 10 + 5) / 4" for p in (3, 7, 9, 11, 13, 17, 19, 21, 23))
    + """,
    (ARRAY['m', 'f', ''])[1 + r.id %% 3], '', '', '',
    CASE WHEN r.id %% 30 = 0 THEN 'Mohon dipercepat.' ELSE '' END
FROM requests_servicerequest r
WHERE r.id >= %(low)s AND r.id < %(high)s AND r.unit_id = ANY(%(units)s)
    AND r.status = 'closed' AND r.id %% 3 = 0
"""
)


def _by_id_ranges(sql: str, model, size: Size, progress: Progress, per_request: float) -> None:
    """Run `sql` over the bench requests in ranges of ids, skipping ranges already done."""
    units, ranges = _id_ranges()
    params = {"site": settings.SITE_URL, "tz": settings.TIME_ZONE, "units": units}
    for low in ranges:
        high = low + BATCH
        done = model.objects.filter(req_id__gte=low, req_id__lt=high).exists()
        if not done:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, {**params, "low": low, "high": high})
        progress.advance(0 if done else round(BATCH * per_request))


def _seed_notifications(size: Size, progress: Progress) -> None:
    _by_id_ranges(NOTIFICATIONS_SQL, Message, size, progress, 2)


def _seed_responses(size: Size, progress: Progress) -> None:
    _by_id_ranges(RESPONSES_SQL, Response, size, progress, 0.3)


# Complaints ------------------------------------------------------------------------------------


def _complaints_end(size: Size) -> datetime.datetime:
    units = list(bench_units().order_by("code").values_list("pk", "code"))
    return _end(size, units) - complaints.BEFORE_NEWEST_REQUEST


def _complaints_present(size: Size) -> int:
    units = bench_units().values_list("pk", flat=True)
    return complaints.seeded(units, _complaints_end(size)).count()


def _seed_complaints(size: Size, progress: Progress) -> None:
    units = list(bench_units().order_by("code").values_list("pk", "code"))
    requesters = (
        User.objects.filter(username__startswith="bench-user-")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    cast = complaints.make_cast(
        units,
        requesters,
        first_request=_requests(units).aggregate(first=Min("submitted_at"))["first"],
        request_spacing=SPACING,
        end=_complaints_end(size),
        total=size.complaints,
    )
    complaints.seed_complaints(cast, progress.advance)


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _id_ranges() -> tuple[list[int], range]:
    units = list(bench_units().values_list("pk", flat=True))
    bounds = ServiceRequest.objects.filter(unit_id__in=units).aggregate(
        low=Min("pk"), high=Max("pk")
    )
    if bounds["low"] is None:
        return units, range(0)
    return units, range(bounds["low"], bounds["high"] + 1, BATCH)


def _made_from_requests(model, wanted: int) -> int:
    """Ranges are filled in order: when the last one has rows, the step is done."""
    _units, ranges = _id_ranges()
    if ranges and model.objects.filter(req_id__gte=ranges[-1]).exists():
        return wanted
    return model.objects.filter(req__unit__in=bench_units()).count()


STEPS = [
    Step(
        "units and services",
        lambda size: Service.objects.filter(unit__in=bench_units()).count(),
        lambda size: UNITS * SERVICES_PER_UNIT,
        _seed_catalog,
    ),
    Step(
        "people",
        lambda size: User.objects.filter(username__startswith="bench-user-").count(),
        lambda size: size.users,
        _seed_people,
    ),
    Step(
        "requests and events",
        lambda size: ServiceRequest.objects.filter(unit__in=bench_units()).count(),
        lambda size: size.requests,
        _seed_requests,
    ),
    Step(
        "notifications",
        lambda size: _made_from_requests(Message, size.notifications),
        lambda size: size.notifications,
        _seed_notifications,
    ),
    Step(
        "questionnaire answers",
        lambda size: _made_from_requests(Response, size.responses),
        lambda size: size.responses,
        _seed_responses,
    ),
    Step(
        "complaints and events", _complaints_present, lambda size: size.complaints, _seed_complaints
    ),
]
