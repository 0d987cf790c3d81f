from django.core.management.base import BaseCommand

from loket.catalog import demo as catalog_demo


class Command(BaseCommand):
    help = "Load the demo data (invented); safe to run again, it updates what is there."

    def handle(self, *args, **options) -> None:
        counts = catalog_demo.load()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo catalog loaded: {summary}."))
