"""Words the pages show for a complaint's actions and events, and who may see the complainant."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from loket.accounts.models import Role
from loket.accounts.permissions import has_role, roles_of

from .models import Complaint, Event

ACTION_LABELS = {
    "verify": pgettext_lazy("action", "Verify"),
    "not_our_remit": pgettext_lazy("action", "Not Our Remit"),
    "reject": pgettext_lazy("action", "Reject"),
    "assign": pgettext_lazy("action", "Assign for follow-up"),
    "extend": pgettext_lazy("action", "Extend the deadline"),
    "answer": pgettext_lazy("action", "Answer"),
    "reopen": pgettext_lazy("action", "Reopen"),
    "confirm": pgettext_lazy("action", "Confirm resolved"),
}

EVENT_LABELS = {
    "submit": _("Complaint submitted"),
    "verify": _("Complaint verified"),
    "not_our_remit": _("Not within this unit's remit"),
    "reject": _("Complaint rejected"),
    "assign": _("Assigned for follow-up"),
    "extend": _("Deadline extended"),
    "answer": _("Answered"),
    "reopen": _("Reopened by the complainant"),
    "confirm": _("Resolved"),
    "escalate": _("Overdue: escalated to the Director"),
}

WITHHELD = _("Identity withheld")


def shows_identity(complaint: Complaint, user) -> bool:
    """The complainant's name, e-mail and numbers: hidden, when asked, from everyone but the
    complainant and the unit's Admin Unit (not its Direktur or staff, nor a superadmin)."""
    if not complaint.hide_identity:
        return True
    return complaint.complainant_id == user.pk or has_role(user, Role.UNIT_ADMIN, complaint.unit_id)


def complainant_label(complaint: Complaint, user) -> str:
    return str(complaint.complainant) if shows_identity(complaint, user) else str(WITHHELD)


def is_unit_side(complaint: Complaint, user) -> bool:
    """Unit roles (and superadmins) see the whole timeline and who did what."""
    return complaint.complainant_id != user.pk or any(
        unit == complaint.unit_id for unit, _role in roles_of(user)
    )


def timeline_for(complaint: Complaint, user, *, internal: bool) -> list[Event]:
    events = complaint.events.select_related("actor").prefetch_related("files")
    if not internal:
        events = events.filter(is_public=True)
    identity = shows_identity(complaint, user)
    timeline = list(events)
    for event in timeline:
        event.label = str(EVENT_LABELS.get(event.action, event.action))
        if event.actor_id is None or not internal:
            event.who = ""
        elif event.actor_id == complaint.complainant_id and not identity:
            event.who = str(WITHHELD)
        else:
            event.who = str(event.actor)
    return timeline


def for_list(complaints, user) -> list[Complaint]:
    """Rows for a list, each with the complainant as this user may see them."""
    rows = list(complaints)
    for complaint in rows:
        complaint.complainant_shown = complainant_label(complaint, user)
    return rows
