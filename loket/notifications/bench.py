"""The notification benchmark (`manage.py bench_notifications`): outbox throughput to a
stand-in Cloud API with several worker processes, and the delay from a status change to the
provider's call. It runs in a throw-away database that it creates and drops."""

import io
import os
import signal
import subprocess
import sys
import time
from urllib.parse import quote

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from pypdf import PdfWriter

from loket.accounts.models import UnitRole, User
from loket.catalog.models import Category, Service, Unit
from loket.requests import workflow
from loket.requests.forms import checked_upload

from .models import Message, State

PHONE_NUMBER_ID = "100000000000001"


def people(unit: Unit, role: str | None, count: int, *, prefix: str) -> list[User]:
    """Reachable on WhatsApp only (no e-mail), so that the provider sees every message."""
    users = User.objects.bulk_create(
        User(
            username=f"{prefix}{n:05d}",
            whatsapp=f"+62813{n:08d}",
            whatsapp_consent_at=timezone.now(),
            language="id" if n % 2 else "en",
        )
        for n in range(count)
    )
    if role:
        UnitRole.objects.bulk_create(UnitRole(user=u, unit=unit, role=role) for u in users)
    return users


def service_of(code: str) -> Service:
    unit = Unit.objects.create(code=code, slug=code.lower(), name_id=f"Unit {code}")
    category, _ = Category.objects.get_or_create(slug="bench", defaults={"name_id": "Bench"})
    return Service.objects.create(
        unit=unit, category=category, slug=f"bench-{code.lower()}", name_id=f"Layanan {code}"
    )


def submit(service: Service, requester: User):
    details = workflow.Details(
        subject="Bench",
        description="Bench",
        letter_number="1/BENCH",
        letter_date=timezone.now().date(),
        signatory_name="Bench",
        signatory_position="Bench",
        requesting_unit="Bench",
        whatsapp=requester.whatsapp,
    )
    pdf = SimpleUploadedFile("surat.pdf", _pdf(), content_type="application/pdf")
    return workflow.submit(
        service, requester=requester, details=details, letter=checked_upload(pdf)
    )


def worker_env(stand_in_url: str) -> dict:
    db = connection.settings_dict
    env = {
        **os.environ,
        "WHATSAPP_BACKEND": "cloud",
        "WHATSAPP_CLOUD_API_URL": stand_in_url,
        "WHATSAPP_PHONE_NUMBER_ID": PHONE_NUMBER_ID,
        "WHATSAPP_ACCESS_TOKEN": "bench-token",
        "LOG_LEVEL": "WARNING",
    }
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(db["NAME"])
    else:
        auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        env["DATABASE_URL"] = f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    return env


def start_workers(count: int, env: dict) -> list[subprocess.Popen]:
    command = [sys.executable, "manage.py", "send_notifications", "--poll", "1"]
    return [
        subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL)
        for _ in range(count)
    ]


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


def unsent() -> int:
    return Message.objects.filter(channel="whatsapp").exclude(state=State.SENT).count()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def wait_until(condition, *, timeout: float, progress) -> bool:
    deadline = time.monotonic() + timeout
    last = 0.0
    while not condition():
        if time.monotonic() > deadline:
            return False
        if time.monotonic() - last >= 1:
            progress()
            last = time.monotonic()
        time.sleep(0.05)
    return True
