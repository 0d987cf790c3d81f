"""Production settings refuse to start with a weak secret or a bad value."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

STRONG = "k3J9-vQ2xLm7Rt8Wz1Np4Hs6Yb0Cd5Fg_Ue2Ai9Oq7Xr3Mv8Tn1Ly4Pw6Zj0Bk5Gh"


def start(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", "import loket.settings"],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("secret", ["", "short", "x" * 60, "django-insecure-" + "abcdefghij" * 5])
def test_it_refuses_a_missing_or_weak_secret_when_debug_is_off(secret):
    result = start(DEBUG="0", SECRET_KEY=secret)
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a random value" in result.stderr


def test_it_starts_with_a_strong_secret():
    assert start(DEBUG="0", SECRET_KEY=STRONG).returncode == 0


def test_it_starts_in_development_without_a_secret():
    assert start(DEBUG="1").returncode == 0


@pytest.mark.parametrize(
    "name, value",
    [
        ("DEBUG", "maybe"),
        ("EMAIL_PORT", "twenty-five"),
        ("LOKET_RATE_SIGNUP", "many"),
        ("LOKET_RATE_REQUEST_CREATE", "20/h/everyone"),
    ],
)
def test_it_refuses_a_malformed_value(name, value):
    result = start(**{"SECRET_KEY": STRONG, "DEBUG": "0", name: value})
    assert result.returncode != 0
    assert name in result.stderr or "Rate limit" in result.stderr
