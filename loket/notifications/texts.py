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

# Complaints: what each audience reads. No text names the complainant (their identity may be
# withheld from the staff and the Direktur).
COMPLAINT_TITLES = {
    Audience.REQUESTER: _("Complaint %(ticket)s: %(status)s"),
    Audience.UNIT_ADMIN: _("Complaint %(ticket)s needs your attention"),
    Audience.DIRECTOR: _("Complaint %(ticket)s is overdue"),
    Audience.ASSIGNED_STAFF: _("Complaint %(ticket)s is assigned to you"),
}
COMPLAINT_BODIES = {
    (Trigger.COMPLAINT_RECEIVED, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s has been received. The unit verifies it by "
        "%(due)s."
    ),
    (Trigger.COMPLAINT_VERIFIED, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s has been verified. The unit answers it by "
        "%(due)s."
    ),
    (Trigger.COMPLAINT_NOT_REMIT, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s is not within this unit's remit; "
        "its page names the unit it belongs to."
    ),
    (Trigger.COMPLAINT_REJECTED, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s has been rejected."
    ),
    (Trigger.COMPLAINT_ASSIGNED, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s is being followed up. The unit answers it "
        "by %(due)s."
    ),
    (Trigger.COMPLAINT_EXTENDED, Audience.REQUESTER): _(
        "The unit needs more time for your complaint %(ticket)s about %(service)s: it answers "
        "it by %(due)s."
    ),
    (Trigger.COMPLAINT_ANSWERED, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s has been answered. Read the answer, then "
        "confirm it or reopen the complaint."
    ),
    (Trigger.COMPLAINT_REOPENED, Audience.REQUESTER): _(
        "You reopened your complaint %(ticket)s about %(service)s. The unit answers it again by "
        "%(due)s."
    ),
    (Trigger.COMPLAINT_RESOLVED, Audience.REQUESTER): _(
        "Your complaint %(ticket)s about %(service)s is resolved. Thank you."
    ),
    (Trigger.COMPLAINT_RECEIVED, Audience.UNIT_ADMIN): _(
        "A new complaint %(ticket)s about %(service)s is waiting for verification by %(due)s."
    ),
    (Trigger.COMPLAINT_REOPENED, Audience.UNIT_ADMIN): _(
        "Complaint %(ticket)s about %(service)s has been reopened by the complainant; "
        "answer it by %(due)s."
    ),
    (Trigger.COMPLAINT_REOPENED, Audience.ASSIGNED_STAFF): _(
        "Complaint %(ticket)s about %(service)s has been reopened by the complainant; "
        "answer it by %(due)s."
    ),
    (Trigger.COMPLAINT_ASSIGNED, Audience.ASSIGNED_STAFF): _(
        "Complaint %(ticket)s about %(service)s is assigned to you for follow-up; "
        "answer it by %(due)s."
    ),
    (Trigger.COMPLAINT_ESCALATED, Audience.DIRECTOR): _(
        "Complaint %(ticket)s about %(service)s is overdue: it was due on %(due)s and its "
        "status is %(status)s."
    ),
}
COMPLAINT_BODY = _("Complaint %(ticket)s about %(service)s: %(what)s. Its status is %(status)s.")

REQUESTER_BODY = _("The status of your request %(ticket)s for %(service)s is now %(status)s.")
OTHER_BODY = _("Request %(ticket)s for %(service)s: %(what)s. Its status is %(status)s.")
NOTE = _("Note: %(note)s")


def title(audience: str, values: dict, *, trigger: str = "") -> str:
    titles = COMPLAINT_TITLES if trigger.startswith("complaint_") else TITLES
    return str(titles[audience]) % values


def body(trigger: str, audience: str, values: dict, *, note: str = "") -> str:
    """In the active language; a public note (a return's reason, a progress note) follows."""
    if trigger.startswith("complaint_"):
        text = str(COMPLAINT_BODIES.get((trigger, audience), COMPLAINT_BODY)) % values
    else:
        default = REQUESTER_BODY if audience == Audience.REQUESTER else OTHER_BODY
        text = str(BODIES.get((trigger, audience), default)) % values
    return f"{text}\n\n{NOTE % {'note': note}}" if note else text
