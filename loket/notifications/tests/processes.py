"""Real worker processes (`manage.py send_notifications`) against the test database."""

import os
import subprocess
import sys
import time
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from loket.notifications.models import Message


def worker_env(gateway_url: str) -> dict:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "loket.settings_test",
        "WHATSAPP_BACKEND": "gateway",
        "WHATSAPP_GATEWAY_URL": gateway_url,
        "WHATSAPP_GATEWAY_TOKEN": "gateway-token",
        "WHATSAPP_GATEWAY_FIELDS": '{"to": "target", "text": "message", "id": "ref"}',
        "NOTIFY_POLL_SECONDS": "0.2",
        "PYTHONUNBUFFERED": "1",
    }
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(db["NAME"])
    else:
        auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        env["DATABASE_URL"] = f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return env


def start_worker(env: dict, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "send_notifications", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def unsent(channel: str = "whatsapp") -> int:
    return Message.objects.filter(channel=channel).exclude(state="sent").count()
