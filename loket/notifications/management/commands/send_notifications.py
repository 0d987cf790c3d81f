"""The notification worker: sends the outbox's messages until stopped (Ctrl-C or SIGTERM).

Run one or more beside the web server; `make run` starts one. `--once` sends what is due and
exits (for cron, or a one-off after fixing a provider's settings).
"""

import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connection

from loket.notifications.delivery import Worker
from loket.notifications.wakeup import waiter

log = logging.getLogger("loket.notifications")


class Command(BaseCommand):
    help = "Send queued notifications (WhatsApp, e-mail) until stopped."
    requires_system_checks = []  # the web server runs them; a worker should start quickly

    def add_arguments(self, parser):
        config = settings.NOTIFICATIONS
        parser.add_argument("--once", action="store_true", help="Send what is due, then exit.")
        parser.add_argument("--batch", type=int, default=config["BATCH"])
        parser.add_argument("--lease", type=float, default=config["LEASE_SECONDS"])
        parser.add_argument("--poll", type=float, default=config["POLL_SECONDS"])

    def handle(self, *args, once: bool, batch: int, lease: float, poll: float, **options):
        worker = Worker(batch=batch, lease=lease)
        if once:
            worker.drain()
            self.stdout.write(f"Sent {worker.sent} message(s).")
            return
        stopping = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopping.set())
        self.stdout.write(
            f"Notification worker started (WhatsApp: {settings.NOTIFICATIONS['WHATSAPP_BACKEND']})"
        )
        self.loop(worker, stopping, poll)
        self.stdout.write(f"Notification worker stopped after sending {worker.sent} message(s).")

    def loop(self, worker: Worker, stopping: threading.Event, poll: float) -> None:
        wait = waiter(stopping)
        try:
            while not stopping.is_set():
                try:
                    if worker.run_once(stopping):
                        continue
                    wait.wait(worker.next_due_in(poll))
                except DatabaseError:
                    # The database restarted or is briefly away: try again shortly.
                    log.exception("notification worker: database error")
                    connection.close()
                    stopping.wait(poll)
        finally:
            wait.close()
