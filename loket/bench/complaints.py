"""The bench university's complaints: the last of `university.STEPS` (PostgreSQL COPY).

One complaint for every PER_REQUESTS requests (100,000 at 1,000,000), over the same years as the
requests, one every `spacing`, newest last; the busiest units get five times as many as the
quietest (`unit_weights`), and 4 in 10 are about one of the complainant's own requests. Only the
newest (`under_way`, at most UNDER_WAY) are still being handled, so the inboxes hold the same work
at every size; the older ones ended as the workflow ends them: resolved (confirmed by the
complainant, or by the daily check once nobody reopened the answer in time), rejected, or
referred to the unit whose remit it is. Each has the timeline `complaints.workflow` would have
written, with its deadlines in the national working days (the bench units have no closures of
their own); a deadline missed was escalated to the Direktur, as the daily check does. Some
complainants withheld their identity, and some complaints carry a screenshot (one shared file).

Ticket numbers come from the complaints' own TicketCounter per unit and year, locked for each
batch, so a complaint filed through the portal afterwards (or meanwhile) gets the next number.
Complaints have no stored search words (search matches them with `icontains`): nothing else is
kept for them.
"""

import base64
import datetime
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from loket.accounts.models import Role, UnitRole
from loket.catalog.models import Service
from loket.complaints.models import (
    Attachment,
    Complaint,
    Event,
    Status,
    TicketCounter,
    UnitSettings,
)
from loket.requests.models import private_storage
from loket.workdays.calendar import add_working_days, national_closures

from . import seed
from .words import (
    APPS,
    COMPLAINT_ANSWERS,
    COMPLAINT_EXTENSIONS,
    COMPLAINT_INSTRUCTIONS,
    COMPLAINT_PLEAS,
    COMPLAINT_PROBLEMS,
    COMPLAINT_REJECTIONS,
    COMPLAINT_REOPENINGS,
    COMPLAINT_SUBJECTS,
    FEATURES,
    PURPOSES,
    REQUESTING_UNITS,
)

PER_REQUESTS = 10
UNDER_WAY = 300  # the newest complaints, still being handled (a smaller data set: 3 in 10)
BATCH = 10_000  # complaints per transaction, with about 5 events each
ABOUT_A_REQUEST = 0.4
HIDDEN = 0.12  # identity withheld from the staff
WITH_FILE = 0.2
BEFORE_NEWEST_REQUEST = datetime.timedelta(minutes=10)
# How the old ones ended, and where the newest are (percent).
ENDINGS = {Status.RESOLVED: 82, Status.NOT_OUR_REMIT: 11, Status.REJECTED: 7}
UNDER_WAY_STATUSES = {
    Status.RECEIVED: 30,
    Status.VERIFIED: 12,
    Status.IN_FOLLOW_UP: 25,
    Status.ANSWERED: 18,
    Status.RESOLVED: 7,
    Status.REJECTED: 4,
    Status.NOT_OUR_REMIT: 4,
}
CONFIRMED_BY_NOBODY = 0.65  # the daily check resolves an answer nobody reopened in time
EVIDENCE = "complaints/bench/tangkapan-layar.png"
EVIDENCE_PNG = base64.b64decode(  # one white pixel
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=="
)
DEFAULTS = {
    name: UnitSettings._meta.get_field(name).default
    for name in ("verify_days", "answer_days", "extension_days", "reopen_days")
}


def unit_weights(count: int) -> list[int]:
    return [5 if k < 2 else 3 if k < 6 else 1 for k in range(count)]


def under_way(total: int) -> int:
    return min(UNDER_WAY, total * 3 // 10)


@dataclass(frozen=True)
class Cast:
    units: list[tuple[int, str]]  # (id, code) by code: the order the requests go round in
    services: dict[int, list[int]]
    admins: dict[int, int]
    staff: dict[int, list[int]]
    requesters: list[int]
    first_request: datetime.datetime | None
    request_spacing: datetime.timedelta
    end: datetime.datetime  # the newest complaint's submission
    total: int

    @property
    def spacing(self) -> datetime.timedelta:
        return self.request_spacing * PER_REQUESTS

    def submitted(self, n: int) -> datetime.datetime:
        return self.end - (self.total - 1 - n) * self.spacing


def make_cast(units, requesters, *, first_request, request_spacing, end, total) -> Cast:
    units = list(units)
    ids = [pk for pk, _code in units]
    services: dict[int, list[int]] = {pk: [] for pk in ids}
    for unit_id, pk in (
        Service.objects.filter(unit_id__in=ids).order_by("order", "pk").values_list("unit_id", "pk")
    ):
        services[unit_id].append(pk)
    admins, staff = {}, {pk: [] for pk in ids}
    roles = UnitRole.objects.filter(unit_id__in=ids).order_by("user__username")
    for unit_id, role, user_id in roles.values_list("unit_id", "role", "user_id"):
        if role == Role.UNIT_ADMIN:
            admins.setdefault(unit_id, user_id)
        elif role == Role.STAFF:
            staff[unit_id].append(user_id)
    return Cast(
        units, services, admins, staff, list(requesters), first_request, request_spacing, end, total
    )


def seeded(unit_ids, end: datetime.datetime):
    """The bench's complaints (a complaint filed through the portal since is later than `end`)."""
    return Complaint.objects.filter(unit_id__in=unit_ids, submitted_at__lte=end)


def seed_complaints(cast: Cast, advance: Callable[[int], None]) -> None:
    present = seeded([pk for pk, _code in cast.units], cast.end).count()
    for first in range(present, cast.total, BATCH):
        count = min(BATCH, cast.total - first)
        with transaction.atomic():
            _batch(cast, first, count)
        advance(count)
    with connection.cursor() as cursor:
        for model in (Complaint, Event, Attachment, TicketCounter):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")


def ensure_evidence() -> None:
    """The screenshot the seeded attachments share, in this installation's private storage
    (written on every run: the data may have been seeded from another checkout)."""
    storage = private_storage()
    if not storage.exists(EVIDENCE):
        storage.save(EVIDENCE, ContentFile(EVIDENCE_PNG))


# A batch ---------------------------------------------------------------------------------------


def _batch(cast: Cast, first: int, count: int) -> None:
    rng = random.Random(f"complaints-{first}")
    weights = unit_weights(len(cast.units))
    plans = []
    for n in range(first, first + count):
        submitted = cast.submitted(n)
        unit = rng.choices(range(len(cast.units)), weights)[0]
        plans.append((n, submitted, unit, _request_time(cast, submitted, unit, rng)))
    requests = _requests_at(cast, [at for *_rest, at in plans if at is not None])
    years = {(cast.units[unit][0], timezone.localdate(at).year) for _n, at, unit, _r in plans}
    counters = _locked_counters(years)
    taken = dict(counters)
    ids = _Ids(*((model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1 for model in MODELS))
    story = _Story(cast, rng, ids, taken)
    for n, submitted, unit, request_at in plans:
        story.tell(n, submitted, unit, requests.get(request_at))
    seed.copy_rows(Complaint, COMPLAINT_COLUMNS, story.complaints, with_pk=True)
    seed.copy_rows(Event, EVENT_COLUMNS, story.events, with_pk=True)
    seed.copy_rows(Attachment, ATTACHMENT_COLUMNS, story.attachments)
    for (unit_id, year), last in taken.items():
        if last != counters[unit_id, year]:
            TicketCounter.objects.filter(unit_id=unit_id, year=year).update(last=last)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), MODELS):
            cursor.execute(statement)


MODELS = [Complaint, Event, Attachment]


@dataclass
class _Ids:
    complaint: int
    event: int
    attachment: int


def _request_time(cast: Cast, submitted, unit: int, rng) -> datetime.datetime | None:
    """The submission of one of the unit's requests from the days before: the seeded requests
    arrive every `request_spacing` from the first, going round the units in order."""
    if cast.first_request is None or rng.random() >= ABOUT_A_REQUEST:
        return None
    k = (submitted - cast.first_request) // cast.request_spacing - rng.randint(40, 6_000)
    k -= (k - unit) % len(cast.units)
    return cast.first_request + k * cast.request_spacing if k >= 0 else None


def _requests_at(cast: Cast, times: list) -> dict:
    """Submission time: (id, unit id, service id, requester id) of the bench's requests."""
    if not times:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT submitted_at, id, unit_id, service_id, requester_id"
            " FROM requests_servicerequest WHERE submitted_at = ANY(%s) AND unit_id = ANY(%s)",
            [times, [pk for pk, _code in cast.units]],
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def _locked_counters(keys: set[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """The complaints' ticket counters of these units and years, held until the batch commits
    (as a complaint filed meanwhile would hold its own)."""
    TicketCounter.objects.bulk_create(
        [TicketCounter(unit_id=unit, year=year) for unit, year in sorted(keys)],
        ignore_conflicts=True,
    )
    rows = TicketCounter.objects.select_for_update().filter(
        unit_id__in={unit for unit, _year in keys}, year__in={year for _unit, year in keys}
    )
    return {(r.unit_id, r.year): r.last for r in rows.order_by("unit_id", "year")}


@lru_cache(maxsize=8_192)
def due(start: datetime.date, days: int) -> datetime.date:
    """`workdays.service.due_date` for a unit without closures of its own."""
    closed = national_closures(range(start.year, start.year + 2))
    return add_working_days(start, days, closed=closed)


def morning_after(day: datetime.date) -> datetime.datetime:
    """When the daily check (`escalate_complaints`) runs on the day after `day`."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(6))
    )


COMPLAINT_COLUMNS = [
    "ticket",
    "unit_id",
    "service_id",
    "complainant_id",
    "related_request_id",
    "hide_identity",
    "subject",
    "description",
    "status",
    "assigned_staff_id",
    "referred_unit_id",
    "answer",
    "submitted_at",
    "verify_due",
    "answer_due",
    "extended",
    "verified_at",
    "first_answered_at",
    "answered_on_time",
    "answered_at",
    "closed_at",
    "escalated_for",
]
EVENT_COLUMNS = [
    "complaint_id",
    "action",
    "actor_id",
    "created_at",
    "from_status",
    "to_status",
    "note",
    "is_public",
    "data",
]
ATTACHMENT_COLUMNS = [
    "complaint_id",
    "file",
    "name",
    "content_type",
    "size",
    "uploaded_by_id",
    "uploaded_at",
    "event_id",
]
WAITING = {Status.VERIFIED, Status.IN_FOLLOW_UP}


def steps_to(status: str, rng: random.Random) -> list[tuple[str, float]]:
    """The actions after "submit" that led to `status`, each with the hours it took."""
    late = rng.random() < 0.1
    to_verify = rng.uniform(80, 200) if late else rng.uniform(1, 60)
    if status == Status.RECEIVED:
        return []
    if status in (Status.REJECTED, Status.NOT_OUR_REMIT):
        return [("reject" if status == Status.REJECTED else "not_our_remit", to_verify)]
    steps = [("verify", to_verify)]
    if status == Status.VERIFIED:
        return steps
    if status == Status.IN_FOLLOW_UP or rng.random() < 0.75:
        steps.append(("assign", rng.uniform(1, 24)))
    extended = status != Status.IN_FOLLOW_UP and rng.random() < 0.08
    if extended:
        steps.append(("extend", rng.uniform(24, 120)))
    if status == Status.IN_FOLLOW_UP:
        return steps
    if extended:
        to_answer = rng.uniform(48, 400)
    else:
        to_answer = rng.uniform(330, 520) if rng.random() < 0.12 else rng.uniform(4, 260)
    steps.append(("answer", to_answer))
    if status == Status.ANSWERED:
        return steps
    if rng.random() < 0.05:
        steps += [("reopen", rng.uniform(12, 140)), ("answer", rng.uniform(24, 200))]
    return [*steps, ("confirm", rng.uniform(2, 150))]


class _Story:
    """Each complaint's row and its timeline, told as the workflow would have recorded them."""

    def __init__(self, cast: Cast, rng: random.Random, ids: _Ids, counters: dict):
        self.cast, self.rng, self.ids, self.counters = cast, rng, ids, counters
        self.complaints: list[tuple] = []
        self.events: list[tuple] = []
        self.attachments: list[tuple] = []
        self.today = timezone.localdate(cast.end)
        self.recent_from = cast.total - under_way(cast.total)

    def tell(self, n: int, submitted, unit: int, request: tuple | None) -> None:
        cast, rng = self.cast, self.rng
        unit_id, code = cast.units[unit]
        if request is not None and request[1] == unit_id:
            related, service_id, complainant = request[0], request[2], request[3]
        else:
            related, service_id = None, rng.choice(cast.services[unit_id])
            complainant = rng.choice(cast.requesters)
        filed = timezone.localdate(submitted)
        self.counters[unit_id, filed.year] += 1
        pk = self.ids.complaint
        self.ids.complaint += 1
        if n < self.recent_from:
            status = rng.choices(list(ENDINGS), list(ENDINGS.values()))[0]
        else:
            status = rng.choices(list(UNDER_WAY_STATUSES), list(UNDER_WAY_STATUSES.values()))[0]
        app, feature = rng.choice(APPS), rng.choice(FEATURES)
        row = {
            "ticket": f"K-{code}-{filed.year}-{self.counters[unit_id, filed.year]:06d}",
            "unit_id": unit_id,
            "service_id": service_id,
            "complainant_id": complainant,
            "related_request_id": related,
            "hide_identity": rng.random() < HIDDEN,
            "subject": rng.choice(COMPLAINT_SUBJECTS).format(app=app, feature=feature)[:200],
            "description": f"Saya mengajukan {feature} {app} untuk {rng.choice(PURPOSES)} di "
            f"{rng.choice(REQUESTING_UNITS)}, tetapi {rng.choice(COMPLAINT_PROBLEMS)}. "
            f"Mohon {rng.choice(COMPLAINT_PLEAS)}.",
            "status": Status.RECEIVED,
            "assigned_staff_id": None,
            "referred_unit_id": None,
            "answer": "",
            "submitted_at": submitted,
            "verify_due": due(filed, DEFAULTS["verify_days"]),
            "answer_due": due(filed, DEFAULTS["answer_days"]),
            "extended": False,
            "verified_at": None,
            "first_answered_at": None,
            "answered_on_time": None,
            "answered_at": None,
            "closed_at": None,
            "escalated_for": None,
        }
        submit = self._event(pk, "submit", complainant, submitted, "", Status.RECEIVED)
        if rng.random() < WITH_FILE:
            self.attachments.append(
                (pk, EVIDENCE, "tangkapan-layar.png", "image/png", len(EVIDENCE_PNG))
                + (complainant, submitted, submit)
            )
        self._walk(pk, row, steps_to(status, rng), app=app, feature=feature)
        self.complaints.append((pk, *(row[column] for column in COMPLAINT_COLUMNS)))

    def _walk(self, pk: int, row: dict, steps, *, app: str, feature: str) -> None:
        rng, at = self.rng, row["submitted_at"]
        # Every story ends before the newest complaint: the newest ones' steps come quicker.
        room = (self.cast.end - at) / datetime.timedelta(hours=1)
        hours = sum(h for _action, h in steps)
        scale = min(1.0, 0.95 * room / hours) if hours else 1.0
        unit_id, admin = row["unit_id"], self.cast.admins[row["unit_id"]]
        for action, took in steps:
            at += datetime.timedelta(hours=took * scale)
            if action == "confirm":
                at = self._confirm(pk, row, at)
                continue
            self._escalate_if_late(pk, row, before=at)
            before = row["status"]
            note, data, actor = "", {}, admin
            if action == "verify":
                row["verified_at"], row["status"] = at, Status.VERIFIED
                note = "Keluhan lengkap dan jelas." if rng.random() < 0.3 else ""
            elif action in ("reject", "not_our_remit"):
                row["verified_at"] = row["closed_at"] = at
                if action == "reject":
                    row["status"], note = Status.REJECTED, rng.choice(COMPLAINT_REJECTIONS)
                else:
                    others = [other for other, _code in self.cast.units if other != unit_id]
                    row["referred_unit_id"] = rng.choice(others)
                    row["status"], data = Status.NOT_OUR_REMIT, {"unit": row["referred_unit_id"]}
            elif action == "assign":
                row["assigned_staff_id"] = rng.choice(self.cast.staff[unit_id])
                row["status"] = Status.IN_FOLLOW_UP
                data = {"staff": row["assigned_staff_id"]}
                data["instruction"] = rng.choice(COMPLAINT_INSTRUCTIONS)
            elif action == "extend":
                old = row["answer_due"]
                row["answer_due"] = due(old, DEFAULTS["extension_days"])
                row["extended"], note = True, rng.choice(COMPLAINT_EXTENSIONS)
                data = {"from": old.isoformat(), "to": row["answer_due"].isoformat()}
            elif action == "answer":
                actor = row["assigned_staff_id"] or admin
                note = rng.choice(COMPLAINT_ANSWERS).format(app=app, feature=feature)
                row["answer"], row["answered_at"], row["status"] = note, at, Status.ANSWERED
                if row["first_answered_at"] is None:
                    row["first_answered_at"] = at
                    row["answered_on_time"] = timezone.localdate(at) <= row["answer_due"]
            elif action == "reopen":
                actor, note = row["complainant_id"], rng.choice(COMPLAINT_REOPENINGS)
                row["status"] = Status.IN_FOLLOW_UP
                row["answer_due"] = due(timezone.localdate(at), DEFAULTS["answer_days"])
            after = row["status"] if row["status"] != before else ""
            self._event(pk, action, actor, at, before, after, note, data=data)
        if row["status"] in (Status.RECEIVED, *WAITING):
            self._escalate_if_late(pk, row, before=self.cast.end, still_open=True)

    def _confirm(self, pk: int, row: dict, at):
        """By the complainant, or by nobody on the morning after the reopening window closed."""
        answered = timezone.localdate(row["answered_at"])
        automatic = morning_after(answered + datetime.timedelta(days=DEFAULTS["reopen_days"]))
        by_nobody = automatic < self.cast.end and self.rng.random() < CONFIRMED_BY_NOBODY
        at = automatic if by_nobody else at
        note = "" if by_nobody or self.rng.random() < 0.6 else "Terima kasih."
        row["closed_at"], row["status"] = at, Status.RESOLVED
        actor = None if by_nobody else row["complainant_id"]
        data = {"automatic": by_nobody}
        self._event(pk, "confirm", actor, at, Status.ANSWERED, Status.RESOLVED, note, data=data)
        return at

    def _escalate_if_late(self, pk: int, row: dict, *, before, still_open=False) -> None:
        """The daily check escalated a deadline passed before the next step, or before the day
        the data ends for a complaint still open (once a deadline)."""
        if row["status"] == Status.RECEIVED:
            deadline = row["verify_due"]
        elif row["status"] in WAITING:
            deadline = row["answer_due"]
        else:
            return
        escalated = morning_after(deadline)
        if still_open:
            late, escalated = deadline < self.today, min(escalated, before)
        else:
            late = escalated < before
        if late and row["escalated_for"] != deadline:
            row["escalated_for"] = deadline
            data = {"due": deadline.isoformat()}
            status = row["status"]  # as `workflow.escalate` records it
            self._event(pk, "escalate", None, escalated, "", status, public=False, data=data)

    def _event(
        self, pk, action, actor, at, before, after, note="", *, public=True, data=None
    ) -> int:
        event = self.ids.event
        self.ids.event += 1
        self.events.append(
            (event, pk, action, actor, at, before, after, note, public, json.dumps(data or {}))
        )
        return event
