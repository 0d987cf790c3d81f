from django.core.management.base import BaseCommand

from loket.portal import kept_pages
from loket.portal.models import ChangeMark


class Command(BaseCommand):
    help = (
        "Delete the change marks behind kept signed-in pages (loket/portal/kept_pages.py) and "
        "move every scope's generation on: each kept page is rendered again once. Daily, from "
        "cron, so that marks of scopes no one reads do not pile up."
    )

    def handle(self, *args, **options) -> None:
        count = ChangeMark.objects.count()
        kept_pages.forget_all()
        self.stdout.write(f"{count:,} change marks forgotten; kept pages are rendered afresh.")
