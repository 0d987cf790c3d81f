"""Words and shapes the pages show for actions and timeline events."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from loket.accounts.permissions import roles_of

from .models import Event, ServiceRequest

# The buttons' labels: PRODUCT.md's action words.
ACTION_LABELS = {
    "resubmit": pgettext_lazy("action", "Resubmit"),
    "cancel": pgettext_lazy("action", "Cancel"),
    "return_for_revision": pgettext_lazy("action", "Return"),
    "reject": pgettext_lazy("action", "Reject"),
    "verify": pgettext_lazy("action", "Verify"),
    "forward": pgettext_lazy("action", "Forward to Director"),
    "dispose": pgettext_lazy("action", "Dispose"),
    "start_work": pgettext_lazy("action", "Start work"),
    "add_note": pgettext_lazy("action", "Add progress note"),
    "complete": pgettext_lazy("action", "Complete"),
}

EVENT_LABELS = {
    "submit": _("Request submitted through the portal"),
    "walk_in": _("Letter delivered to the office and registered"),
    "resubmit": _("Revised and resubmitted"),
    "cancel": _("Cancelled by the requester"),
    "return_for_revision": _("Returned for revision"),
    "reject": _("Rejected"),
    "verify": _("Letter verified"),
    "forward": _("Forwarded to the Director"),
    "dispose": _("Disposed to staff"),
    "start_work": _("Work started"),
    "add_note": _("Progress note"),
    "complete": _("Completed"),
    "close": _("Closed"),
    "purge_files": _("Files deleted: the service's retention period ran out"),
}


def event_label(action: str) -> str:
    return str(EVENT_LABELS.get(action, action))


def sees_everything(req: ServiceRequest, user) -> bool:
    """Unit roles see the whole timeline and who did what; the requester sees the public part."""
    return req.requester_id != user.pk or any(unit == req.unit_id for unit, _role in roles_of(user))


def timeline_for(req: ServiceRequest, *, internal: bool, files=None) -> list[Event]:
    """The request's steps, oldest first; the requester sees only the public ones. Each step
    has `shown_files`, its attachments, taken from `files` (the request's, which the page
    lists anyway) when given rather than read again."""
    events = req.events.select_related("actor")
    if files is None:
        events = events.prefetch_related("files")
    if not internal:
        events = events.filter(is_public=True)
    timeline = list(events)
    by_event: dict[int, list] = {}
    for file in files or ():
        by_event.setdefault(file.event_id, []).append(file)
    for event in timeline:
        event.label = event_label(event.action)
        event.shown_files = by_event.get(event.pk, []) if files is not None else event.files.all()
    return timeline
