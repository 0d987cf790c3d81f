"""The daily overdue check: each overdue request's Direktur is told once."""

import datetime

from django.db import transaction

from loket.requests.models import ServiceRequest

from .models import OverdueAlert
from .outbox import queue_overdue


def alert_overdue(today: datetime.date | None = None) -> list[ServiceRequest]:
    """Queue the alerts for requests newly overdue; running it again tells nobody twice."""
    alerted = []
    pending = ServiceRequest.objects.overdue(today).filter(overdue_alert__isnull=True)
    for req in pending.select_related("service", "unit"):
        with transaction.atomic():
            # Two runs at once: the unique row lets exactly one of them queue the alert.
            _alert, created = OverdueAlert.objects.get_or_create(req=req)
            if created:
                queue_overdue(req)
                alerted.append(req)
    return alerted
