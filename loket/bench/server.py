"""The portal served as README's Production section says: gunicorn, DEBUG off, static files
collected, on 127.0.0.1, for the length of a bench run."""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings


def production_env(*, database_url: str, secret_key: str, media_root: Path) -> dict:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secret_key,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
        "LOKET_BENCH": "1",  # routes /bench/ceiling/
        # Ten load connections file hundreds of requests a minute as a few accounts: the bench
        # measures the pages, not the rate limits (README, "Security").
        "LOKET_RATE_REQUEST_CREATE": "1000000/h/user,1000000/h/ip",
        "LOKET_RATE_LIMITS": '{"complaint_create": "1000000/h/user,1000000/h/ip"}',
    }


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def collect_static(env: dict) -> None:
    manage = [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"]
    subprocess.run(manage, cwd=settings.BASE_DIR, env=env, check=True)


class Gunicorn:
    def __init__(self, *, env: dict, port: int, workers: int):
        self.url = f"http://127.0.0.1:{port}"
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "loket.wsgi", f"--bind=127.0.0.1:{port}", f"--workers={workers}"]
        self.process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)
        self.wait_until_ready()

    def get(self, path: str, cookie: str | None = None) -> int:
        headers = {"X-Forwarded-Proto": "https"} | ({"Cookie": cookie} if cookie else {})
        request = urllib.request.Request(self.url + path, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped at start-up")
            try:
                if self.get("/bench/ceiling/") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not answer within a minute")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
