from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from loket.guides import whatsapp


class Command(BaseCommand):
    help = (
        "Print the WhatsApp Cloud API templates to register at Meta, for the notification rules in "
        "the database; --write rewrites docs/whatsapp-templates.md from the default rules."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--write", action="store_true", help="rewrite the committed doc")

    def handle(self, *args, write: bool = False, **options) -> None:
        if write:
            path = Path(settings.BASE_DIR) / whatsapp.OUTPUT
            path.write_text(whatsapp.markdown(), encoding="utf-8")
            self.stdout.write(f"Wrote {path}.")
            return
        from loket.notifications.models import Rule

        rules = Rule.objects.order_by("audience", "trigger").values_list("trigger", "audience")
        rules = list(rules)
        self.stdout.write(whatsapp.markdown(rules))
