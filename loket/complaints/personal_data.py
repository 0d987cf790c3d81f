"""Complaints' part: a person's complaints with their public timeline, answer and files.

On erasure the complaints stay (the unit's records and its complaint report), but the person's
own values are blanked out of every text kept (subject, description, answer, timeline notes and
data), and files named after them are renamed, as for requests.
"""

import posixpath

from django.db import transaction
from django.db.models import Q

from loket.accounts.models import User
from loket.accounts.privacy import Erasure, eraser, exporter
from loket.complaints.models import Attachment, Complaint, Event

TEXTS = ("subject", "description", "answer")


@exporter("complaints")
def complaints(person: User) -> list[dict]:
    mine = (
        Complaint.objects.filter(complainant=person)
        .select_related("service", "unit", "related_request", "referred_unit")
        .prefetch_related("files", "events__actor")
        .order_by("submitted_at", "id")
    )
    return [_complaint(complaint) for complaint in mine]


def _complaint(complaint: Complaint) -> dict:
    related = complaint.related_request
    return {
        "ticket": complaint.ticket,
        "service": complaint.service.name_id,
        "unit": complaint.unit.name_id,
        "status": complaint.get_status_display(),
        "complaint_subject": complaint.subject,
        "description": complaint.description,
        "hide_identity": complaint.hide_identity,
        "related_request": related.ticket if related else "",
        "submitted_at": complaint.submitted_at,
        "answer": complaint.answer,
        "answered_at": complaint.answered_at,
        "referred_unit": complaint.referred_unit.name_id if complaint.referred_unit_id else "",
        "closed_at": complaint.closed_at,
        # The steps the complainant's own page shows; the unit's internal steps are its records.
        "events": [
            {"action": e.action, "at": e.created_at, "note": e.note}
            for e in complaint.events.all()
            if e.is_public
        ],
        "files": [
            {"name": f.name, "size": f.size, "uploaded_at": f.uploaded_at}
            for f in complaint.files.all()
        ],
    }


@eraser("complaints")
def erase(erasure: Erasure) -> None:
    person, redact = erasure.person, erasure.redactor
    for complaint in Complaint.objects.filter(complainant=person).only("pk", *TEXTS):
        changed = {n: redact.text(getattr(complaint, n)) for n in TEXTS}
        changed = {n: v for n, v in changed.items() if v != getattr(complaint, n)}
        if changed:
            Complaint.objects.filter(pk=complaint.pk).update(**changed)
    touched = Q(complaint__complainant=person)
    # The timeline is append-only, except here: the law's erasure outranks that rule.
    for event in Event.objects.filter(touched | Q(actor=person)).only("pk", "note", "data"):
        note, data = redact.text(event.note), redact.data(event.data)
        if (note, data) != (event.note, event.data):
            Event.objects.filter(pk=event.pk).update(note=note, data=data)
    for attachment in Attachment.objects.filter(touched | Q(uploaded_by=person)):
        _rename(attachment, redact)


def _rename(attachment: Attachment, redact) -> None:
    """A file named after its sender (bukti-budi.pdf) keeps its content but loses that name."""
    name, path = redact.text(attachment.name), attachment.file.name
    if name == attachment.name and redact.text(path) == path:
        return
    neutral = f"file-{attachment.pk}{posixpath.splitext(attachment.name)[1]}"
    if path:
        storage, old = attachment.file.storage, path
        with storage.open(old, "rb") as content:
            path = storage.save(posixpath.join(posixpath.dirname(old), neutral), content)
        # Only once the erasure is committed: a rollback must find the file where it was.
        transaction.on_commit(lambda: storage.delete(old))
    Attachment.objects.filter(pk=attachment.pk).update(name=neutral, file=path)
