"""Requests' part: a person's requests with their public timeline and files.

On erasure the requests stay (the unit's records, service-level and satisfaction statistics),
but the WhatsApp number goes and the person's own values are blanked out of every text kept.
"""

import posixpath

from django.db import transaction
from django.db.models import Q

from loket.accounts.models import User
from loket.accounts.privacy import Erasure, eraser, exporter
from loket.requests.models import Attachment, Disposition, Event, ServiceRequest

TEXTS = (
    "subject",
    "description",
    "desired_features",
    "letter_number",
    "signatory_name",
    "signatory_position",
    "requesting_unit",
    "result_summary",
)


@exporter("requests")
def requests(person: User) -> list[dict]:
    mine = (
        ServiceRequest.objects.filter(requester=person)
        .select_related("service", "unit", "application")
        .prefetch_related("files", "events__actor")
        .order_by("submitted_at", "id")
    )
    return [_request(req) for req in mine]


def _request(req: ServiceRequest) -> dict:
    return {
        "ticket": req.ticket,
        "service": req.service.name_id,
        "unit": req.unit.name_id,
        "status": req.get_status_display(),
        "received": req.get_intake_display(),
        "application": req.application.name if req.application else "",
        **{name: getattr(req, name) for name in TEXTS},
        "letter_date": req.letter_date,
        "whatsapp": req.whatsapp,
        "submitted_at": req.submitted_at,
        "due_date": req.due_date,
        "completed_at": req.completed_at,
        "closed_at": req.closed_at,
        "events": [
            {"action": e.action, "at": e.created_at, "by": str(e.actor or ""), "note": e.note}
            for e in req.events.all()
            if e.is_public
        ],
        "files": [
            {
                "kind": f.get_kind_display(),
                "name": f.name,
                "size": f.size,
                "uploaded_at": f.uploaded_at,
                "deleted_under_retention_at": f.purged_at,
            }
            for f in req.files.all()
        ],
    }


@eraser("requests")
def erase(erasure: Erasure) -> None:
    person, redact = erasure.person, erasure.redactor
    mine = ServiceRequest.objects.filter(requester=person)
    mine.update(whatsapp="")
    for req in mine.only("pk", *TEXTS):
        changed = {n: redact.text(getattr(req, n)) for n in TEXTS}
        changed = {n: v for n, v in changed.items() if v != getattr(req, n)}
        if changed:
            ServiceRequest.objects.filter(pk=req.pk).update(**changed)
    touched = Q(req__requester=person)
    # Timeline rows are never edited, except here: the law's erasure outranks the append-only rule.
    for event in Event.objects.filter(touched | Q(actor=person)).only("pk", "note", "data"):
        note, data = redact.text(event.note), redact.data(event.data)
        if (note, data) != (event.note, event.data):
            Event.objects.filter(pk=event.pk).update(note=note, data=data)
    for disposition in Disposition.objects.filter(touched).only("pk", "note"):
        if (note := redact.text(disposition.note)) != disposition.note:
            Disposition.objects.filter(pk=disposition.pk).update(note=note)
    for attachment in Attachment.objects.filter(touched | Q(uploaded_by=person)):
        _rename(attachment, redact)


def _rename(attachment: Attachment, redact) -> None:
    """A file named after its sender (surat-budi.pdf) keeps its content but loses that name."""
    name = redact.text(attachment.name)
    path = attachment.file.name
    if name == attachment.name and redact.text(path) == path:
        return
    extension = posixpath.splitext(attachment.name)[1]
    neutral = f"{attachment.kind}-{attachment.pk}{extension}"
    if path and not attachment.purged_at:
        storage, old = attachment.file.storage, path
        with storage.open(old, "rb") as content:
            path = storage.save(posixpath.join(posixpath.dirname(old), neutral), content)
        # Only once the erasure is committed: a rollback must find the file where it was.
        transaction.on_commit(lambda: storage.delete(old))
    Attachment.objects.filter(pk=attachment.pk).update(name=neutral, file=path)
