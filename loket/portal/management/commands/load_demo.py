from django.conf import settings
from django.core.management.base import BaseCommand

from loket.accounts import demo as accounts_demo
from loket.catalog import demo as catalog_demo
from loket.complaints import demo as complaints_demo
from loket.requests import demo as requests_demo


class Command(BaseCommand):
    help = "Load the demo data (invented); safe to run again, it updates what is there."

    def handle(self, *args, **options) -> None:
        counts = catalog_demo.load()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo catalog loaded: {summary}."))
        if not accounts_demo.demo_mode():
            self.stdout.write(self.style.WARNING("Demo accounts not created: DEBUG is off."))
            return
        accounts = accounts_demo.load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo accounts (password {settings.LOKET_DEMO_PASSWORD!r}, two-factor sign-in "
                "not required in demo mode):"
            )
        )
        for username, role in accounts:
            self.stdout.write(f"  {username:<11} {role}")
        if made := requests_demo.load():
            self.stdout.write(self.style.SUCCESS(f"Demo requests made: {made}."))
        if made := complaints_demo.load():
            self.stdout.write(self.style.SUCCESS(f"Demo complaints made: {made}."))
