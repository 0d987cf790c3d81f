"""One request through every step of SOP#24, and the words each language uses for it."""

import datetime

from django.utils import timezone

from loket.requests import workflow
from loket.requests.tests import factories

STATUS = {
    "id": {
        "submitted": "Diajukan",
        "returned": "Dikembalikan",
        "rejected": "Ditolak",
        "verified": "Terverifikasi",
        "forwarded": "Diteruskan",
        "disposed": "Didisposisikan",
        "in_progress": "Dikerjakan",
        "completed": "Selesai",
        "closed": "Ditutup",
        "cancelled": "Dibatalkan",
    },
    "en": {
        "submitted": "Submitted",
        "returned": "Returned",
        "rejected": "Rejected",
        "verified": "Verified",
        "forwarded": "Forwarded",
        "disposed": "Disposed",
        "in_progress": "In progress",
        "completed": "Completed",
        "closed": "Closed",
        "cancelled": "Cancelled",
    },
}
SERVICE = {"id": "Layanan Upgrade Aplikasi", "en": "Application Upgrade Service"}


def order(staff) -> workflow.DispositionOrder:
    return workflow.DispositionOrder(
        staff=[staff],
        instructions=["follow_up"],
        urgency="normal",
        due_date=timezone.localdate() + datetime.timedelta(days=14),
    )


def steps(req, *, requester, unit_admin, director, staff, application):
    """(name, the step) in the order SOP#24 takes them, each leaving its messages."""
    checklist = dict.fromkeys(workflow.CHECKLIST, True)
    return [
        (
            "return",
            lambda: workflow.return_for_revision(
                req, by=unit_admin, failed_rules=["stamped"], reason="Belum distempel."
            ),
        ),
        (
            "resubmit",
            lambda: workflow.resubmit(
                req, by=requester, details=factories.details(application=application)
            ),
        ),
        ("verify", lambda: workflow.verify(req, by=unit_admin, checklist=checklist)),
        ("forward", lambda: workflow.forward(req, by=unit_admin)),
        ("dispose", lambda: workflow.dispose(req, by=director, order=order(staff))),
        ("redispose", lambda: workflow.dispose(req, by=director, order=order(staff))),
        ("start_work", lambda: workflow.start_work(req, by=staff)),
        ("private note", lambda: workflow.add_note(req, by=staff, note="x", public=False)),
        ("public note", lambda: workflow.add_note(req, by=staff, note="50%", public=True)),
        ("complete", lambda: workflow.complete(req, by=staff, summary="Sudah di-upgrade.")),
        ("close", lambda: workflow.close(req, by=requester, reason="answered")),
    ]
