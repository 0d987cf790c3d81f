"""Retention of request files: each service keeps them `letter_retention_months` after the
request finished (its last step), then `purge_letters` deletes them and says so on the timeline."""

import calendar
import datetime

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from loket.catalog.models import Service

from .models import FINISHED, Attachment, Event, ServiceRequest


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (the month's last day if shorter)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


def expired_requests(now: datetime.datetime | None = None):
    """Finished requests whose service's period has run out and that still hold a file."""
    now = now or timezone.now()
    periods = Service.objects.filter(letter_retention_months__isnull=False).values_list(
        "pk", "letter_retention_months"
    )
    run_out = Q(pk__in=[])
    for service, months in periods:
        run_out |= Q(service=service, finished_at__lt=months_before(now, months))
    with_files = Attachment.objects.filter(purged_at__isnull=True).values("req_id")
    return (
        ServiceRequest.objects.filter(status__in=FINISHED, pk__in=with_files)
        .annotate(finished_at=Max("events__created_at"))
        .filter(run_out)
    )


def files_of(req: ServiceRequest):
    return req.files.filter(purged_at__isnull=True).order_by("uploaded_at", "id")


@transaction.atomic
def purge(req: ServiceRequest) -> list[Attachment]:
    """Delete one request's files; the rows stay (name, size, dates) and the timeline says why."""
    req = ServiceRequest.objects.select_for_update().get(pk=req.pk)
    files = list(files_of(req))
    if not files:
        return []  # another run got here first
    now = timezone.now()
    paths = [(f.file.storage, f.file.name) for f in files if f.file.name]
    Attachment.objects.filter(pk__in=[f.pk for f in files]).update(purged_at=now, file="")
    Event.record(
        req,
        action="purge_files",
        actor=None,
        from_status=req.status,
        data={"files": [f.name for f in files], "months": req.service.letter_retention_months},
    )
    # The files go only once the rows say so: a rollback leaves both as they were.
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in paths])
    return files
