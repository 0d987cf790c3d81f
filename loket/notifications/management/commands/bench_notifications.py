"""Benchmark the outbox (not a test): `manage.py bench_notifications`, or make bench-notifications.

1. Throughput: --messages WhatsApp messages are queued by real submissions (each tells many
   reachable Admin Units), then --workers worker processes send them to a stand-in Cloud API on
   127.0.0.1; messages/s from the first provider call to the last.
2. Delay: with the workers idle, --changes status changes (verify) at --rate a second; for each,
   the time from the change to the provider's call (p50, p95, max).

It creates a throw-away database beside the configured one (test_<name>) and drops it after.
"""

import tempfile
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings

from loket.notifications import bench
from loket.notifications.models import Message
from loket.notifications.stand_in import StandIn
from loket.requests import workflow

PER_REQUEST = 200  # Admin Units told of each throughput submission


class Command(BaseCommand):
    help = "Measure notification throughput and delay against a stand-in provider on loopback."

    def add_arguments(self, parser):
        parser.add_argument("--messages", type=int, default=4000, help="at most 20000")
        parser.add_argument("--workers", type=int, default=2, help="at most 8")
        parser.add_argument("--changes", type=int, default=200, help="at most 2000")
        parser.add_argument("--rate", type=float, default=20.0, help="status changes a second")
        parser.add_argument("--timeout", type=float, default=300.0, help="seconds per phase")

    def handle(self, *args, messages, workers, changes, rate, timeout, **options):
        if not (0 < messages <= 20000 and 0 < workers <= 8 and 0 < changes <= 2000):
            raise CommandError("--messages ≤ 20000, --workers ≤ 8 and --changes ≤ 2000.")
        if connection.vendor != "postgresql":
            self.stdout.write("Note: not PostgreSQL; the figures are SQLite's.")
        old_name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = tempfile.mktemp(suffix=".sqlite3")
        self.stdout.write("Creating a throw-away database…")
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        stand_in = StandIn().start()
        try:
            with override_settings(STORAGES=_scratch_storages()):
                self.run(stand_in, messages, workers, changes, rate, timeout)
        finally:
            stand_in.stop()
            connection.creation.destroy_test_db(old_name, verbosity=0)

    def run(self, stand_in, messages, workers, changes, rate, timeout):
        upgrade, quiet = bench.service_of("BENCHA"), bench.service_of("BENCHB")
        bench.people(upgrade.unit, "unit_admin", PER_REQUEST, prefix="admin")
        (verifier,) = bench.people(quiet.unit, "unit_admin", 1, prefix="verifier")
        verifier.whatsapp_consent_at = None
        verifier.save()
        (requester,) = bench.people(quiet.unit, None, 1, prefix="pemohon")
        self.stdout.write(f"Queueing {messages} messages…")
        later = [bench.submit(quiet, requester) for _ in range(changes)]
        for _ in range(max(1, -(-(messages - changes) // (PER_REQUEST + 1)))):
            bench.submit(upgrade, requester)
        total = Message.objects.filter(channel="whatsapp").count()
        self.throughput(stand_in, total, workers, timeout)
        self.delay(stand_in, later, verifier, rate, timeout)

    def throughput(self, stand_in, total, workers, timeout):
        self.stdout.write(f"Phase 1: {total} queued WhatsApp messages, {workers} workers")
        self.procs = bench.start_workers(workers, bench.worker_env(f"{stand_in.url}/v23.0"))
        done = bench.wait_until(
            lambda: len(stand_in.seen) >= total,
            timeout=timeout,
            progress=lambda: self.stdout.write(f"  sent {len(stand_in.seen)}/{total}"),
        )
        if not done:
            bench.stop_workers(self.procs)
            raise CommandError(f"Only {len(stand_in.seen)} of {total} were sent in time.")
        first, last = stand_in.seen[0].at, stand_in.seen[-1].at
        self.rate = total / max(last - first, 1e-6)
        self.stdout.write(
            f"Throughput: {total} messages in {last - first:.2f} s = {self.rate:.0f} messages/s"
        )

    def delay(self, stand_in, requests, verifier, rate, timeout):
        self.stdout.write(f"Phase 2: {len(requests)} status changes at {rate:g}/s")
        seen_before = len(stand_in.seen)
        checklist = dict.fromkeys(workflow.CHECKLIST, True)
        try:
            start = time.monotonic()
            for n, req in enumerate(requests):
                time.sleep(max(0.0, start + n / rate - time.monotonic()))
                workflow.verify(req, by=verifier, checklist=checklist)
            bench.wait_until(
                lambda: len(stand_in.seen) >= seen_before + len(requests),
                timeout=timeout,
                progress=lambda: None,
            )
        finally:
            bench.stop_workers(self.procs)
        delays = self.delays(stand_in.seen[seen_before:])
        p50, p95 = bench.percentile(delays, 0.5), bench.percentile(delays, 0.95)
        self.stdout.write(
            f"Delay from status change to provider call over {len(delays)} messages: "
            f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {max(delays) * 1000:.0f} ms"
        )
        self.stdout.write(
            f"Summary: {self.rate:.0f} messages/s; p50 {p50 * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms (aim: ≥ 200 messages/s, p95 < 2000 ms)"
        )

    def delays(self, seen) -> list[float]:
        keys = {s.json["biz_opaque_callback_data"]: s.at for s in seen}
        rows = Message.objects.filter(key__in=keys).select_related("event")
        return [keys[str(m.key)] - m.event.created_at.timestamp() for m in rows]


def _scratch_storages() -> dict:
    from django.conf import settings

    storages = {**settings.STORAGES}
    storages["private"] = {
        **storages["private"],
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="loket-bench-"), "base_url": None},
    }
    return storages
