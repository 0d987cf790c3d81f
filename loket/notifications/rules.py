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


def trigger_of(event: Event) -> str | None:
    """The trigger of a timeline event, or None when nobody needs to hear of it."""
    if event.action == "add_note" and not event.is_public:
        return None
    if event.action in ACTION_TRIGGERS:
        return ACTION_TRIGGERS[event.action]
    if event.action == "dispose" and not event.to_status:
        return Trigger.REDISPOSED  # a new disposition while the status stays Disposed
    return event.to_status if event.to_status in Trigger.values else None


def audience(who: str, req: ServiceRequest, event: Event | None) -> QuerySet[User]:
    """The people a rule's audience names for this request (and event)."""
    if who == Audience.REQUESTER:
        return User.objects.filter(pk=req.requester_id)
    if who == Audience.ASSIGNED_STAFF:
        return User.objects.filter(
            dispositions_received__req=req, dispositions_received__is_current=True
        )
    role = {Audience.UNIT_ADMIN: Role.UNIT_ADMIN, Audience.DIRECTOR: Role.DIRECTOR}[who]
    return User.objects.filter(unit_roles__unit_id=req.unit_id, unit_roles__role=role)
