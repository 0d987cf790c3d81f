"""Who is told what: the trigger an event stands for, and the people in each audience."""

from django.db.models import QuerySet

from loket.accounts.models import Role, User
from loket.requests.models import Event, ServiceRequest

from .models import Audience, Trigger

# Timeline actions whose trigger is not simply the status they reached.
ACTION_TRIGGERS = {
    "resubmit": Trigger.RESUBMITTED,
    "add_note": Trigger.PROGRESS_NOTE,
}


# A complaint's timeline actions (loket.complaints.workflow) and the trigger each stands for.
COMPLAINT_TRIGGERS = {
    "submit": Trigger.COMPLAINT_RECEIVED,
    "verify": Trigger.COMPLAINT_VERIFIED,
    "not_our_remit": Trigger.COMPLAINT_NOT_REMIT,
    "reject": Trigger.COMPLAINT_REJECTED,
    "assign": Trigger.COMPLAINT_ASSIGNED,
    "extend": Trigger.COMPLAINT_EXTENDED,
    "answer": Trigger.COMPLAINT_ANSWERED,
    "reopen": Trigger.COMPLAINT_REOPENED,
    "confirm": Trigger.COMPLAINT_RESOLVED,
    "escalate": Trigger.COMPLAINT_ESCALATED,
}


def is_complaint(obj) -> bool:
    return obj._meta.label_lower in ("complaints.complaint", "complaints.event")


def trigger_of(event) -> str | None:
    """The trigger of a timeline event, or None when nobody needs to hear of it."""
    if is_complaint(event):
        return COMPLAINT_TRIGGERS.get(event.action)
    if event.action == "add_note" and not event.is_public:
        return None
    if event.action in ACTION_TRIGGERS:
        return ACTION_TRIGGERS[event.action]
    if event.action == "dispose" and not event.to_status:
        return Trigger.REDISPOSED  # a new disposition while the status stays Disposed
    return event.to_status if event.to_status in Trigger.values else None


def audience(who: str, req: ServiceRequest, event: Event | None) -> QuerySet[User]:
    """The people a rule's audience names for this request or complaint (and event)."""
    if is_complaint(req):
        return _complaint_audience(who, req)
    if who == Audience.REQUESTER:
        return User.objects.filter(pk=req.requester_id)
    if who == Audience.ASSIGNED_STAFF:
        return User.objects.filter(
            dispositions_received__req=req, dispositions_received__is_current=True
        )
    role = {Audience.UNIT_ADMIN: Role.UNIT_ADMIN, Audience.DIRECTOR: Role.DIRECTOR}[who]
    return User.objects.filter(unit_roles__unit_id=req.unit_id, unit_roles__role=role)


def _complaint_audience(who: str, complaint) -> QuerySet[User]:
    if who == Audience.REQUESTER:
        return User.objects.filter(pk=complaint.complainant_id)
    if who == Audience.ASSIGNED_STAFF:
        return User.objects.filter(pk=complaint.assigned_staff_id)
    role = {Audience.UNIT_ADMIN: Role.UNIT_ADMIN, Audience.DIRECTOR: Role.DIRECTOR}[who]
    return User.objects.filter(unit_roles__unit_id=complaint.unit_id, unit_roles__role=role)
