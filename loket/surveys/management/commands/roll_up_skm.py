from django.core.management.base import BaseCommand

from loket.surveys import rollup


class Command(BaseCommand):
    help = (
        "Add up every ended month's questionnaire answers and completed requests per service "
        "for the IKM reports (loket/surveys/rollup.py). Daily, from cron; each run recomputes "
        "every ended month."
    )

    def handle(self, *args, **options) -> None:
        rows = rollup.roll_up()
        through = rollup.through()
        self.stdout.write(f"{rows:,} service-months added up, every month before {through}.")
