from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from loket.requests import retention
from loket.requests.models import ServiceRequest


class Command(BaseCommand):
    help = (
        "Delete the letters and other files of finished requests whose service's retention "
        "period (Service.letter_retention_months) has run out. Lists them only, unless "
        "--execute is given. Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--execute", action="store_true", help="Delete the files (the default only lists)."
        )

    def handle(self, *args, execute: bool = False, **options) -> None:
        # The ids first: each request is then purged in its own short transaction.
        ids = list(retention.expired_requests().order_by("pk").values_list("pk", flat=True))
        total, files, size = len(ids), 0, 0
        for done, pk in enumerate(ids, start=1):
            req = ServiceRequest.objects.select_related("service").get(pk=pk)
            listed = retention.purge(req) if execute else list(retention.files_of(req))
            for attachment in listed:
                self.stdout.write(
                    f"{req.ticket}\t{attachment.kind}\t{attachment.name}\t{attachment.size}"
                )
            files, size = files + len(listed), size + sum(a.size for a in listed)
            if done % 100 == 0 or done == total:
                self.stderr.write(f"{done}/{total} requests")
        verb = "Deleted" if execute else "Would delete"
        self.stdout.write(
            f"{verb} {files} file(s), {filesizeformat(size)}, of {total} request(s)."
            + ("" if execute else " Run again with --execute to delete them.")
        )
