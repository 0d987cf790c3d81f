"""Tell each overdue request's Direktur, once per request. Run it daily (cron or a timer)."""

from django.core.management.base import BaseCommand

from loket.notifications.overdue import alert_overdue


class Command(BaseCommand):
    help = "Queue a notification to the Director of each request that has become overdue."

    def handle(self, *args, **options):
        alerted = alert_overdue()
        self.stdout.write(f"{len(alerted)} overdue request(s) reported.")
        for req in alerted:
            self.stdout.write(f"  {req.ticket} (due {req.due_date:%Y-%m-%d})")
