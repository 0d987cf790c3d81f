"""The daily check: overdue complaints go to their Direktur (once per deadline), and answers
nobody reopened in time are resolved."""

import datetime

from django.utils import timezone

from . import workflow
from .models import Complaint, Status


def escalate_overdue(today: datetime.date | None = None) -> list[Complaint]:
    """Record and notify each newly overdue complaint; running it again tells nobody twice."""
    today = today or timezone.localdate()
    escalated = []
    for complaint in Complaint.objects.overdue(today).order_by("pk"):
        if workflow.escalate(complaint, today=today) is not None:
            escalated.append(complaint)
    return escalated


def resolve_unreopened(today: datetime.date | None = None) -> list[Complaint]:
    """Answered complaints whose reopening window has passed become Selesai (by nobody)."""
    today = today or timezone.localdate()
    resolved = []
    for complaint in Complaint.objects.filter(status=Status.ANSWERED).order_by("pk"):
        until = complaint.reopen_until()
        if until is not None and until < today:
            try:
                workflow.confirm(complaint, by=None, today=today)
            except workflow.TransitionError:
                continue  # reopened or confirmed meanwhile
            resolved.append(complaint)
    return resolved
