"""Escalate overdue complaints to their Direktur and resolve answers left unreopened.
Run it daily (cron or a timer); a second run the same day changes nothing."""

from django.core.management.base import BaseCommand

from loket.complaints.escalation import escalate_overdue, resolve_unreopened


class Command(BaseCommand):
    help = "Escalate overdue complaints to the Director; resolve answers nobody reopened in time."

    def handle(self, *args, **options):
        escalated = escalate_overdue()
        self.stdout.write(f"{len(escalated)} overdue complaint(s) escalated.")
        for complaint in escalated:
            self.stdout.write(f"  {complaint.ticket} (due {complaint.due_date:%Y-%m-%d})")
        resolved = resolve_unreopened()
        self.stdout.write(f"{len(resolved)} answered complaint(s) resolved.")
