import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from loket.requests import workflow
from loket.requests.models import ServiceRequest, Status


class Command(BaseCommand):
    help = (
        "Close completed requests whose questionnaire nobody answered within "
        "LOKET_AUTO_CLOSE_DAYS days. Safe to run as often as you like (e.g. daily from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        cutoff = timezone.now() - datetime.timedelta(days=settings.LOKET_AUTO_CLOSE_DAYS)
        due = ServiceRequest.objects.filter(status=Status.COMPLETED, completed_at__lte=cutoff)
        ids = list(due.order_by("completed_at").values_list("pk", flat=True))
        if dry_run:
            self.stdout.write(f"{len(ids)} completed request(s) would be closed.")
            return
        closed = 0
        for pk in ids:
            try:
                # One transaction each; close() locks the row and re-checks its status.
                workflow.close(ServiceRequest(pk=pk), by=None, reason="unanswered")
            except workflow.TransitionError:
                continue  # answered (or closed by another run) since the list was read
            closed += 1
        self.stdout.write(
            f"Closed {closed} unanswered request(s) completed before {cutoff:%Y-%m-%d %H:%M}."
        )
