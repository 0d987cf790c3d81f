"""Every change of a complaint's state: one function per action, each doing, in one transaction,
lock → check → change → record → queue notifications (the notifications outbox).

TRANSITIONS is the only statement of which action may start from which status and who may take
it; the complaint page draws its buttons from it (`available_actions`).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from loket import notifications
from loket.accounts.models import Role, User
from loket.accounts.permissions import has_role
from loket.catalog.models import Service, Unit
from loket.requests.models import ServiceRequest
from loket.requests.workflow import TransitionError, Upload
from loket.workdays import service as workdays

from .models import Attachment, Complaint, Event, Status, TicketCounter, UnitSettings

__all__ = ["TransitionError", "Upload"]

COMPLAINANT = "complainant"  # the complaint's own complainant, not a unit role
HANDLER = "handler"  # the unit's Admin Unit, or the staff member it is assigned to

# action: (statuses it may start from, status it leads to (None: unchanged), who may take it)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None, str]] = {
    "verify": (frozenset({Status.RECEIVED}), Status.VERIFIED, Role.UNIT_ADMIN),
    "not_our_remit": (frozenset({Status.RECEIVED}), Status.NOT_OUR_REMIT, Role.UNIT_ADMIN),
    "reject": (frozenset({Status.RECEIVED}), Status.REJECTED, Role.UNIT_ADMIN),
    "assign": (
        frozenset({Status.VERIFIED, Status.IN_FOLLOW_UP}),
        Status.IN_FOLLOW_UP,
        Role.UNIT_ADMIN,
    ),
    "extend": (frozenset({Status.VERIFIED, Status.IN_FOLLOW_UP}), None, Role.UNIT_ADMIN),
    "answer": (frozenset({Status.VERIFIED, Status.IN_FOLLOW_UP}), Status.ANSWERED, HANDLER),
    "reopen": (frozenset({Status.ANSWERED}), Status.IN_FOLLOW_UP, COMPLAINANT),
    # The complainant confirms; or the system (by=None) once the reopening window has passed.
    "confirm": (frozenset({Status.ANSWERED}), Status.RESOLVED, COMPLAINANT),
}
SYSTEM_ACTIONS = frozenset({"confirm"})


@dataclass(frozen=True)
class Details:
    """What the complainant fills in on the Buat Keluhan form."""

    subject: str
    description: str
    hide_identity: bool = False
    related_request: ServiceRequest | None = None


def may(action: str, complaint: Complaint, user: User) -> bool:
    who = TRANSITIONS[action][2]
    if who == COMPLAINANT:
        return complaint.complainant_id == user.pk
    if who == HANDLER:
        return has_role(user, Role.UNIT_ADMIN, complaint.unit_id) or (
            complaint.assigned_staff_id == user.pk and has_role(user, Role.STAFF, complaint.unit_id)
        )
    return has_role(user, who, complaint.unit_id)


def available_actions(complaint: Complaint, user: User, *, today=None) -> list[str]:
    actions = [
        action
        for action, (sources, _target, _who) in TRANSITIONS.items()
        if complaint.status in sources and may(action, complaint, user)
    ]
    if complaint.extended and "extend" in actions:
        actions.remove("extend")
    if "reopen" in actions and not _may_reopen(complaint, today):
        actions.remove("reopen")
    return actions


def _may_reopen(complaint: Complaint, today=None) -> bool:
    until = complaint.reopen_until()
    return until is not None and (today or timezone.localdate()) <= until


def requests_of(complainant: User, service: Service):
    """The complainant's own requests for this service: the ones a complaint may be about."""
    return ServiceRequest.objects.filter(requester=complainant, service=service)


# Filing ---------------------------------------------------------------------------------------


@transaction.atomic
def submit(
    service: Service, *, complainant: User, details: Details, files: list[Upload] = ()
) -> Complaint:
    """Buat Keluhan: deadlines to verify and to answer count in the unit's working days."""
    related = details.related_request
    if related is not None and not requests_of(complainant, service).filter(pk=related.pk).exists():
        raise TransitionError(_("A complaint can only be about one of your own requests."))
    now = timezone.now()
    today = timezone.localdate(now)
    rules = UnitSettings.for_unit(service.unit_id)
    complaint = Complaint.objects.create(
        ticket=_next_ticket(service, year=today.year),
        unit_id=service.unit_id,
        service=service,
        complainant=complainant,
        subject=details.subject,
        description=details.description,
        hide_identity=details.hide_identity,
        related_request=related,
        submitted_at=now,
        verify_due=workdays.due_date(service.unit, start=today, days=rules.verify_days),
        answer_due=workdays.due_date(service.unit, start=today, days=rules.answer_days),
    )
    event = _record(complaint, "submit", by=complainant)
    _attach(complaint, files, by=complainant, event=event)
    notifications.queue_for(event)
    return complaint


def _next_ticket(service: Service, *, year: int) -> str:
    """K-DTIK-2026-000012: per unit and year, gap-free, apart from the requests' numbers."""
    TicketCounter.objects.bulk_create(
        [TicketCounter(unit_id=service.unit_id, year=year)], ignore_conflicts=True
    )
    counter = TicketCounter.objects.filter(unit_id=service.unit_id, year=year)
    counter.update(last=F("last") + 1)  # holds the row lock until commit
    number = counter.values_list("last", flat=True).get()
    return f"K-{service.unit.code}-{year}-{number:06d}"


def _attach(complaint, uploads, *, by: User, event: Event) -> None:
    for upload in uploads:
        attachment = Attachment(
            complaint=complaint,
            name=upload.checked.name,
            content_type=upload.checked.content_type,
            size=upload.checked.size,
            uploaded_by=by,
            event=event,
        )
        attachment.file.save(upload.checked.name, upload.file, save=False)
        attachment.save()


# The Admin Unit -------------------------------------------------------------------------------


@transaction.atomic
def verify(complaint: Complaint, *, by: User, note: str = "") -> Complaint:
    complaint = _lock_for("verify", complaint, by)
    complaint.verified_at = timezone.now()
    _change(complaint, "verify", by=by, note=note)
    return complaint


@transaction.atomic
def not_our_remit(complaint: Complaint, *, by: User, unit: Unit, note: str = "") -> Complaint:
    """Bukan Wewenang: names the unit the complaint belongs to."""
    complaint = _lock_for("not_our_remit", complaint, by)
    if unit is None or unit.pk == complaint.unit_id:
        raise TransitionError(_("Name the unit the complaint belongs to."))
    complaint.referred_unit = unit
    complaint.closed_at = timezone.now()
    complaint.verified_at = complaint.closed_at
    _change(complaint, "not_our_remit", by=by, note=note, data={"unit": unit.pk})
    return complaint


@transaction.atomic
def reject(complaint: Complaint, *, by: User, reason: str) -> Complaint:
    complaint = _lock_for("reject", complaint, by)
    if not reason.strip():
        raise TransitionError(_("Say why the complaint is rejected."))
    complaint.closed_at = complaint.verified_at = timezone.now()
    _change(complaint, "reject", by=by, note=reason)
    return complaint


@transaction.atomic
def assign(complaint: Complaint, *, by: User, staff: User, note: str = "") -> Complaint:
    """Ditindaklanjuti: the staff member who follows it up (again, to change who)."""
    complaint = _lock_for("assign", complaint, by)
    if staff is None or not has_role(staff, Role.STAFF, complaint.unit_id):
        raise TransitionError(_("Only staff of this unit can follow up the complaint."))
    complaint.assigned_staff = staff
    # The complainant sees the step; whom and the instruction are the unit's business.
    _change(complaint, "assign", by=by, data={"staff": staff.pk, "instruction": note})
    return complaint


@transaction.atomic
def extend(complaint: Complaint, *, by: User, reason: str) -> Complaint:
    """Once per complaint, by the unit's configured working days, with a reason."""
    complaint = _lock_for("extend", complaint, by)
    if complaint.extended:
        raise TransitionError(_("The deadline of this complaint has already been extended once."))
    if not reason.strip():
        raise TransitionError(_("Say why the deadline is extended."))
    rules = UnitSettings.for_unit(complaint.unit_id)
    before = complaint.answer_due
    complaint.answer_due = workdays.due_date(
        complaint.unit, start=before, days=rules.extension_days
    )
    complaint.extended = True
    _change(
        complaint,
        "extend",
        by=by,
        note=reason,
        data={"from": before.isoformat(), "to": complaint.answer_due.isoformat()},
    )
    return complaint


# The Admin Unit or the assigned staff --------------------------------------------------------


@transaction.atomic
def answer(complaint: Complaint, *, by: User, text: str) -> Complaint:
    """Dijawab: the reply the complainant reads; they may reopen it or confirm it."""
    complaint = _lock_for("answer", complaint, by)
    if not text.strip():
        raise TransitionError(_("Write the answer to the complainant."))
    now = timezone.now()
    complaint.answer = text
    complaint.answered_at = now
    if complaint.first_answered_at is None:
        complaint.first_answered_at = now
        complaint.answered_on_time = timezone.localdate(now) <= complaint.answer_due
    _change(complaint, "answer", by=by, note=text)
    return complaint


# The complainant ------------------------------------------------------------------------------


@transaction.atomic
def reopen(complaint: Complaint, *, by: User, reason: str) -> Complaint:
    """Buka Kembali: back to follow-up, with a fresh answer deadline from today."""
    complaint = _lock_for("reopen", complaint, by)
    if not _may_reopen(complaint):
        raise TransitionError(_("The time to reopen this complaint has passed."))
    if not reason.strip():
        raise TransitionError(_("Say what is still unresolved."))
    rules = UnitSettings.for_unit(complaint.unit_id)
    complaint.answer_due = workdays.due_date(
        complaint.unit, start=timezone.localdate(), days=rules.answer_days
    )
    _change(complaint, "reopen", by=by, note=reason)
    return complaint


@transaction.atomic
def confirm(complaint: Complaint, *, by: User | None, note: str = "", today=None) -> Complaint:
    """Selesai: the complainant accepts the answer (or nobody reopened it in time: by=None)."""
    complaint = _lock_for("confirm", complaint, by)
    if by is None and _may_reopen(complaint, today):
        raise TransitionError(_("The complainant may still reopen this complaint."))
    complaint.closed_at = timezone.now()
    _change(complaint, "confirm", by=by, note=note, data={"automatic": by is None})
    return complaint


# The system -----------------------------------------------------------------------------------


@transaction.atomic
def escalate(complaint: Complaint, *, today: datetime.date) -> Event | None:
    """Record that an overdue complaint went to the Direktur; once per deadline."""
    complaint = (
        Complaint.objects.select_for_update().select_related("service", "unit").get(pk=complaint.pk)
    )
    due = complaint.due_date
    if due is None or due >= today or complaint.escalated_for == due:
        return None
    complaint.escalated_for = due
    complaint.save(update_fields=["escalated_for"])
    event = _record(complaint, "escalate", by=None, public=False, data={"due": due.isoformat()})
    notifications.queue_for(event)
    return event


# Shared steps ---------------------------------------------------------------------------------


def _lock_for(action: str, complaint: Complaint, user: User | None) -> Complaint:
    sources, _target, _who = TRANSITIONS[action]
    # Lock first, then check: a second click waits here and then sees the new status.
    complaint = (
        Complaint.objects.select_for_update().select_related("service", "unit").get(pk=complaint.pk)
    )
    allowed = action in SYSTEM_ACTIONS if user is None else may(action, complaint, user)
    if not allowed:
        raise PermissionDenied
    if complaint.status not in sources:
        raise TransitionError(
            _("This complaint is already %(status)s; refresh the page to see its current state.")
            % {"status": complaint.get_status_display()}
        )
    return complaint


def _record(complaint, action, *, by, from_status="", note="", public=True, data=None) -> Event:
    return Event.objects.create(
        complaint=complaint,
        action=action,
        actor=by,
        from_status=from_status,
        to_status=complaint.status if complaint.status != from_status else "",
        note=note,
        is_public=public,
        data=data or {},
    )


def _change(complaint, action, *, by, note="", public=True, data=None) -> Event:
    from_status = complaint.status
    complaint.status = TRANSITIONS[action][1] or complaint.status
    complaint.save()
    event = _record(
        complaint, action, by=by, from_status=from_status, note=note, public=public, data=data
    )
    notifications.queue_for(event)  # outbox rows in this same transaction
    return event
