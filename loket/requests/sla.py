"""Service level: due dates in working days of the unit's calendar (PRODUCT.md section 5.4)."""

import datetime

from loket.catalog.models import Service
from loket.workdays import service as workdays
from loket.workdays.calendar import working_days_between


def completion_days(service: Service) -> int:
    standard = service.revisions.first()
    return standard.completion_days if standard else 0


def due_date(service: Service, *, start: datetime.date) -> datetime.date:
    """The day by which a request filed on `start` must be completed."""
    return workdays.due_date(service.unit, start=start, days=completion_days(service))


def extend_for_pause(
    service: Service, *, due: datetime.date, paused_from: datetime.date, until: datetime.date
) -> datetime.date:
    """Time spent returned to the requester does not count: push the due date by it."""
    closed = workdays.closed_days(service.unit, start=paused_from, end=until)
    paused = working_days_between(paused_from, until, closed=closed)
    return workdays.due_date(service.unit, start=due, days=paused) if paused else due
