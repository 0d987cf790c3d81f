"""Every change of a request's state: one function per action, each doing, in one transaction,
lock → check → change → record → queue notifications (loket.notifications outbox rows).

TRANSITIONS is the only statement of which action may start from which status and who may take
it; the request page draws its buttons from the same table (`available_actions`).
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from loket import notifications
from loket.accounts.models import Role, User
from loket.accounts.permissions import has_role
from loket.catalog.models import Application, Service
from loket.uploads.checks import CheckedFile

from . import sla
from .models import (
    Attachment,
    Disposition,
    Event,
    FileKind,
    Intake,
    ServiceRequest,
    Status,
    TicketCounter,
)

REQUESTER = "requester"  # the request's own requester, not a unit role
ASSIGNED_STAFF = "assigned_staff"  # staff of the unit named in the current disposition


class TransitionError(Exception):
    """A refusal the user should read; the message is already translated."""


# action: (statuses it may start from, status it leads to (None: unchanged), who may take it)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None, str]] = {
    "verify": (frozenset({Status.SUBMITTED}), Status.VERIFIED, Role.UNIT_ADMIN),
    "return_for_revision": (frozenset({Status.SUBMITTED}), Status.RETURNED, Role.UNIT_ADMIN),
    "reject": (frozenset({Status.SUBMITTED}), Status.REJECTED, Role.UNIT_ADMIN),
    "forward": (frozenset({Status.VERIFIED}), Status.FORWARDED, Role.UNIT_ADMIN),
    "dispose": (
        frozenset({Status.FORWARDED, Status.DISPOSED, Status.IN_PROGRESS}),
        Status.DISPOSED,
        Role.DIRECTOR,
    ),
    "start_work": (frozenset({Status.DISPOSED}), Status.IN_PROGRESS, ASSIGNED_STAFF),
    "complete": (frozenset({Status.IN_PROGRESS}), Status.COMPLETED, ASSIGNED_STAFF),
    "add_note": (frozenset({Status.IN_PROGRESS}), None, ASSIGNED_STAFF),
    "resubmit": (frozenset({Status.RETURNED}), Status.SUBMITTED, REQUESTER),
    "cancel": (frozenset({Status.SUBMITTED, Status.RETURNED}), Status.CANCELLED, REQUESTER),
    # Through the questionnaire (loket.surveys), or by the system (by=None) when unanswered.
    "close": (frozenset({Status.COMPLETED}), Status.CLOSED, REQUESTER),
}
# Actions the system itself may take (by=None): close_unanswered's automatic close.
SYSTEM_ACTIONS = frozenset({"close"})
CLOSE_REASONS = ("answered", "unanswered")

# Rules 1–3 of SOP#24 that the Admin Unit ticks when verifying (PRODUCT.md section 2).
CHECKLIST = ("signed", "stamped", "whatsapp_stated", "in_house_application", "academic_audience")


@dataclass(frozen=True)
class Upload:
    """A file the user sent, already checked by content (loket.uploads)."""

    file: UploadedFile
    checked: CheckedFile


@dataclass(frozen=True)
class Details:
    """What the requester fills in on the Buat Permintaan form."""

    subject: str
    description: str
    letter_number: str
    letter_date: datetime.date
    signatory_name: str
    signatory_position: str
    requesting_unit: str
    whatsapp: str
    desired_features: str = ""
    application: Application | None = None


@dataclass(frozen=True)
class DispositionOrder:
    staff: list[User]
    instructions: list[str]
    urgency: str
    due_date: datetime.date
    note: str = ""
    extra: dict = field(default_factory=dict)


def may(action: str, req: ServiceRequest, user: User) -> bool:
    """Whether `user` is the kind of person who takes `action` on `req` (status aside)."""
    who = TRANSITIONS[action][2]
    if who == REQUESTER:
        return req.requester_id == user.pk
    if who == ASSIGNED_STAFF:
        return (
            has_role(user, Role.STAFF, req.unit_id)
            and req.dispositions.filter(is_current=True, staff=user).exists()
        )
    return has_role(user, who, req.unit_id)


def available_actions(req: ServiceRequest, user: User) -> list[str]:
    """The buttons the request page offers this user now."""
    return [
        action
        for action, (sources, _target, _who) in TRANSITIONS.items()
        if req.status in sources and may(action, req, user)
    ]


# Creating a request ---------------------------------------------------------------------------


@transaction.atomic
def submit(
    service: Service,
    *,
    requester: User,
    details: Details,
    letter: Upload,
    supporting: list[Upload] = (),
    by: User | None = None,
) -> ServiceRequest:
    """Simpan: a requester files a request, or an Admin Unit registers a walk-in letter."""
    by = by or requester
    walk_in = by.pk != requester.pk
    if walk_in and not has_role(by, Role.UNIT_ADMIN, service.unit_id):
        raise PermissionDenied
    _check_details(service, details)
    now = timezone.now()
    req = ServiceRequest.objects.create(
        ticket=f"{PENDING_TICKET}{uuid.uuid4().hex}",  # numbered last: see below
        unit_id=service.unit_id,
        service=service,
        requester=requester,
        intake=Intake.WALK_IN if walk_in else Intake.PORTAL,
        submitted_at=now,
        due_date=sla.due_date(service, start=timezone.localdate(now)),
        **details.__dict__,
    )
    event = Event.record(
        req, action="walk_in" if walk_in else "submit", actor=by, data={"intake": req.intake}
    )
    _attach(req, [letter], kind=FileKind.LETTER, by=by, event=event)
    _attach(req, supporting, kind=FileKind.SUPPORTING, by=by, event=event)
    # The number is taken last: taking it locks the unit's counter until this transaction
    # commits, and people filing to one unit at once would otherwise wait for each other's
    # letters to be written (README, "Benchmark"). A failure before here leaves no gap.
    req.ticket = _next_ticket(service, year=timezone.localdate(now).year)
    req.save(update_fields=["ticket"])
    notifications.queue_for(event)
    return req


def _check_details(service: Service, details: Details) -> None:
    """Rules 2 and 3 of SOP#24, enforced here so that every caller (page, API) obeys them."""
    if not service.asks_for_application:
        return
    allowed = Application.objects.upgradable().filter(owner_unit=service.unit_id)
    if details.application is None or not allowed.filter(pk=details.application.pk).exists():
        raise TransitionError(
            _("Only applications developed in-house for the academic community can be chosen.")
        )


# What a request's ticket holds until its number is taken, within submit()'s transaction.
PENDING_TICKET = "pending-"


def _next_ticket(service: Service, *, year: int) -> str:
    """DTIK-2026-000123: per unit and year, gap-free, safe when two requests arrive at once."""
    TicketCounter.objects.bulk_create(
        [TicketCounter(unit_id=service.unit_id, year=year)], ignore_conflicts=True
    )
    counter = TicketCounter.objects.filter(unit_id=service.unit_id, year=year)
    counter.update(last=F("last") + 1)  # the UPDATE holds the row lock until commit
    number = counter.values_list("last", flat=True).get()
    return f"{service.unit.code}-{year}-{number:06d}"


def _attach(req, uploads, *, kind: str, by: User, event: Event) -> list[Attachment]:
    attachments = []
    for upload in uploads:
        attachment = Attachment(
            req=req,
            kind=kind,
            name=upload.checked.name,
            content_type=upload.checked.content_type,
            size=upload.checked.size,
            uploaded_by=by,
            event=event,
        )
        attachment.file.save(upload.checked.name, upload.file, save=False)
        attachment.save()
        attachments.append(attachment)
    return attachments


# The requester --------------------------------------------------------------------------------


@transaction.atomic
def resubmit(
    req: ServiceRequest,
    *,
    by: User,
    details: Details,
    letter: Upload | None = None,
    supporting: list[Upload] = (),
    note: str = "",
) -> ServiceRequest:
    """Kirim Ulang: the revised request goes back to the Admin Unit; earlier letters stay."""
    req = _lock_for("resubmit", req, by)
    _check_details(req.service, details)
    today = timezone.localdate()
    req.due_date = sla.extend_for_pause(
        req.service, due=req.due_date, paused_from=timezone.localdate(req.returned_at), until=today
    )
    for name, value in details.__dict__.items():
        setattr(req, name, value)
    event = _change(req, "resubmit", by=by, note=note)
    _attach(req, [letter] if letter else [], kind=FileKind.LETTER, by=by, event=event)
    _attach(req, supporting, kind=FileKind.SUPPORTING, by=by, event=event)
    return req


@transaction.atomic
def cancel(req: ServiceRequest, *, by: User, note: str = "") -> ServiceRequest:
    req = _lock_for("cancel", req, by)
    req.closed_at = timezone.now()
    _change(req, "cancel", by=by, note=note)
    return req


# The Admin Unit -------------------------------------------------------------------------------


@transaction.atomic
def verify(req: ServiceRequest, *, by: User, checklist: dict[str, bool], note: str = ""):
    req = _lock_for("verify", req, by)
    if not all(checklist.get(rule) for rule in CHECKLIST):
        raise TransitionError(_("Every rule on the checklist must be ticked to verify."))
    _change(req, "verify", by=by, note=note, data={"checklist": sorted(CHECKLIST)})
    return req


@transaction.atomic
def return_for_revision(
    req: ServiceRequest, *, by: User, failed_rules: list[str], reason: str
) -> ServiceRequest:
    """Kembalikan: the service-level clock stops until the requester sends it back."""
    req = _lock_for("return_for_revision", req, by)
    if not reason.strip():
        raise TransitionError(_("Say why the request is returned."))
    req.returned_at = timezone.now()
    _change(req, "return_for_revision", by=by, note=reason, data={"failed_rules": failed_rules})
    return req


@transaction.atomic
def reject(req: ServiceRequest, *, by: User, reason: str) -> ServiceRequest:
    req = _lock_for("reject", req, by)
    if not reason.strip():
        raise TransitionError(_("Say why the request is rejected."))
    req.closed_at = timezone.now()
    _change(req, "reject", by=by, note=reason)
    return req


@transaction.atomic
def forward(req: ServiceRequest, *, by: User, note: str = "") -> ServiceRequest:
    """Teruskan ke Direktur."""
    req = _lock_for("forward", req, by)
    _change(req, "forward", by=by, note=note)
    return req


# The Direktur ---------------------------------------------------------------------------------


@transaction.atomic
def dispose(req: ServiceRequest, *, by: User, order: DispositionOrder) -> Disposition:
    """Disposisikan (again, if need be): the current disposition names who does the work."""
    req = _lock_for("dispose", req, by)
    staff = list(order.staff)
    if not staff:
        raise TransitionError(_("Choose at least one staff member."))
    if any(not has_role(person, Role.STAFF, req.unit_id) for person in staff):
        raise TransitionError(_("Only staff of this unit can receive the disposition."))
    if not order.instructions and not order.note.strip():
        raise TransitionError(_("Give at least one instruction."))
    if order.due_date < timezone.localdate():
        raise TransitionError(_("The due date cannot be in the past."))
    redispose = req.status != Status.FORWARDED
    req.dispositions.filter(is_current=True).update(is_current=False)
    disposition = Disposition.objects.create(
        req=req,
        by=by,
        instructions=list(order.instructions),
        note=order.note,
        urgency=order.urgency,
        due_date=order.due_date,
    )
    disposition.staff.set(staff)
    _change(
        req,
        "dispose",
        by=by,
        note=order.note,
        public=True,
        data={
            "redispose": redispose,
            "staff": [person.pk for person in staff],
            "disposition": disposition.pk,
        },
    )
    return disposition


# The staff ------------------------------------------------------------------------------------


@transaction.atomic
def start_work(req: ServiceRequest, *, by: User, note: str = "") -> ServiceRequest:
    """Kerjakan."""
    req = _lock_for("start_work", req, by)
    _change(req, "start_work", by=by, note=note)
    return req


@transaction.atomic
def add_note(
    req: ServiceRequest, *, by: User, note: str, public: bool, files: list[Upload] = ()
) -> Event:
    """A progress note, internal or visible to the requester, with optional result files."""
    req = _lock_for("add_note", req, by)
    if not note.strip():
        raise TransitionError(_("Write the progress note."))
    event = Event.record(
        req, action="add_note", actor=by, from_status=req.status, note=note, public=public
    )
    _attach(req, files, kind=FileKind.RESULT, by=by, event=event)
    notifications.queue_for(event)
    return event


@transaction.atomic
def complete(
    req: ServiceRequest, *, by: User, summary: str, files: list[Upload] = ()
) -> ServiceRequest:
    """Selesaikan: the result summary is required and shown to the requester."""
    req = _lock_for("complete", req, by)
    if not summary.strip():
        raise TransitionError(_("Write a summary of the result."))
    req.result_summary = summary
    req.completed_at = timezone.now()
    event = _change(req, "complete", by=by, note=summary)
    _attach(req, files, kind=FileKind.RESULT, by=by, event=event)
    return req


# Closing --------------------------------------------------------------------------------------


@transaction.atomic
def close(req: ServiceRequest, *, by: User | None, reason: str) -> ServiceRequest:
    """Ditutup: the requester answered the questionnaire ("answered"), or nobody did within
    LOKET_AUTO_CLOSE_DAYS and the system closes it (by=None, "unanswered")."""
    if reason not in CLOSE_REASONS:
        raise ValueError(f"reason must be one of {CLOSE_REASONS}, not {reason!r}")
    req = _lock_for("close", req, by)
    req.closed_at = timezone.now()
    _change(req, "close", by=by, data={"reason": reason})
    return req


# Shared steps ---------------------------------------------------------------------------------


def _lock_for(action: str, req: ServiceRequest, user: User | None) -> ServiceRequest:
    sources, _target, _who = TRANSITIONS[action]
    # Lock first, then check: a second "verify" waits here and then sees VERIFIED.
    req = (
        ServiceRequest.objects.select_for_update().select_related("service", "unit").get(pk=req.pk)
    )
    allowed = action in SYSTEM_ACTIONS if user is None else may(action, req, user)
    if not allowed:
        raise PermissionDenied
    if req.status not in sources:
        raise TransitionError(
            _("This request is already %(status)s; refresh the page to see its current state.")
            % {"status": req.get_status_display()}
        )
    return req


def _change(
    req: ServiceRequest,
    action: str,
    *,
    by: User,
    note: str = "",
    public: bool = True,
    data: dict | None = None,
) -> Event:
    from_status = req.status
    req.status = TRANSITIONS[action][1] or req.status
    req.save()
    event = Event.record(
        req, action=action, actor=by, from_status=from_status, note=note, public=public, data=data
    )
    notifications.queue_for(event)  # outbox rows in this same transaction
    return event
