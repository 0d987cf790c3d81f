"""The words of each message, in English source strings; the catalogue carries Indonesian.

Placeholders: %(ticket)s, %(service)s, %(status)s and, for overdue requests, %(due)s.
"""

from django.utils.translation import gettext_lazy as _

from .models import Audience, Trigger

TITLES = {
    Audience.REQUESTER: _("Request %(ticket)s: %(status)s"),
    Audience.UNIT_ADMIN: _("Request %(ticket)s is waiting for verification"),
    Audience.DIRECTOR: _("Request %(ticket)s needs your attention"),
    Audience.ASSIGNED_STAFF: _("Request %(ticket)s is disposed to you"),
}

BODIES = {
    (Trigger.SUBMITTED, Audience.REQUESTER): _(
        "Your request %(ticket)s for %(service)s has been received. Its status is %(status)s."
    ),
    (Trigger.RESUBMITTED, Audience.REQUESTER): _(
        "Your revised request %(ticket)s for %(service)s has been received. "
        "Its status is %(status)s again."
    ),
    (Trigger.RETURNED, Audience.REQUESTER): _(
        "Your request %(ticket)s for %(service)s has been returned for revision. "
        "Please revise it and resubmit."
    ),
    (Trigger.REJECTED, Audience.REQUESTER): _(
        "Your request %(ticket)s for %(service)s has been rejected."
    ),
    (Trigger.COMPLETED, Audience.REQUESTER): _(
        "Your request %(ticket)s for %(service)s is completed. "
        "Please tell us how we did in the satisfaction questionnaire."
    ),
    (Trigger.PROGRESS_NOTE, Audience.REQUESTER): _(
        "There is news on your request %(ticket)s for %(service)s (status: %(status)s)."
    ),
    (Trigger.SUBMITTED, Audience.UNIT_ADMIN): _(
        "A new request %(ticket)s for %(service)s is waiting for verification."
    ),
    (Trigger.RESUBMITTED, Audience.UNIT_ADMIN): _(
        "Request %(ticket)s for %(service)s has been revised and resubmitted; "
        "it is waiting for verification."
    ),
    (Trigger.FORWARDED, Audience.DIRECTOR): _(
        "Request %(ticket)s for %(service)s has been forwarded to you for disposition."
    ),
    (Trigger.OVERDUE, Audience.DIRECTOR): _(
        "Request %(ticket)s for %(service)s is overdue: it was due on %(due)s "
        "and its status is %(status)s."
    ),
    (Trigger.DISPOSED, Audience.ASSIGNED_STAFF): _(
        "Request %(ticket)s for %(service)s has been disposed to you."
    ),
    (Trigger.REDISPOSED, Audience.ASSIGNED_STAFF): _(
        "Request %(ticket)s for %(service)s has been disposed to you."
    ),
}

REQUESTER_BODY = _("The status of your request %(ticket)s for %(service)s is now %(status)s.")
OTHER_BODY = _("Request %(ticket)s for %(service)s: %(what)s. Its status is %(status)s.")
NOTE = _("Note: %(note)s")


def title(audience: str, values: dict) -> str:
    return str(TITLES[audience]) % values


def body(trigger: str, audience: str, values: dict, *, note: str = "") -> str:
    """In the active language; a public note (a return's reason, a progress note) follows."""
    default = REQUESTER_BODY if audience == Audience.REQUESTER else OTHER_BODY
    text = str(BODIES.get((trigger, audience), default)) % values
    return f"{text}\n\n{NOTE % {'note': note}}" if note else text
