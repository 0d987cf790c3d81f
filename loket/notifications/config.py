"""Notification settings, read from the environment by settings.py (and by the tests).

Nothing here touches the database. A bad value raises ImproperlyConfigured, which stops the
process at start-up.
"""

import json
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

WHATSAPP_BACKENDS = ("record", "cloud", "gateway")
DEFAULT_GATEWAY_FIELDS = {"to": "to", "text": "message", "id": "id"}


def from_env(environ: Mapping[str, str]) -> dict:
    """The NOTIFICATIONS setting: the WhatsApp backend and the worker's pace."""
    backend = environ.get("WHATSAPP_BACKEND", "record")
    if backend not in WHATSAPP_BACKENDS:
        raise ImproperlyConfigured(f"WHATSAPP_BACKEND must be one of {WHATSAPP_BACKENDS}")
    config = {
        "WHATSAPP_BACKEND": backend,
        "WHATSAPP_TIMEOUT": _number(environ, "WHATSAPP_TIMEOUT", 10),
        "CLOUD_API_URL": environ.get("WHATSAPP_CLOUD_API_URL", "https://graph.facebook.com/v23.0"),
        "PHONE_NUMBER_ID": environ.get("WHATSAPP_PHONE_NUMBER_ID", ""),
        "ACCESS_TOKEN": environ.get("WHATSAPP_ACCESS_TOKEN", ""),
        "APP_SECRET": environ.get("WHATSAPP_APP_SECRET", ""),
        "VERIFY_TOKEN": environ.get("WHATSAPP_VERIFY_TOKEN", ""),
        "TEMPLATE_PREFIX": environ.get("WHATSAPP_TEMPLATE_PREFIX", "loket_"),
        "TEMPLATES": _json(environ, "WHATSAPP_TEMPLATES", {}),
        "LANGUAGE_CODES": {"id": "id", "en": "en", **_json(environ, "WHATSAPP_LANGUAGES", {})},
        "GATEWAY_URL": environ.get("WHATSAPP_GATEWAY_URL", ""),
        "GATEWAY_TOKEN": environ.get("WHATSAPP_GATEWAY_TOKEN", ""),
        "GATEWAY_AUTH_HEADER": environ.get("WHATSAPP_GATEWAY_AUTH_HEADER", "Authorization"),
        "GATEWAY_AUTH_SCHEME": environ.get("WHATSAPP_GATEWAY_AUTH_SCHEME", "Bearer"),
        "GATEWAY_FIELDS": {
            **DEFAULT_GATEWAY_FIELDS,
            **_json(environ, "WHATSAPP_GATEWAY_FIELDS", {}),
        },
        "GATEWAY_RESPONSE_ID": environ.get("WHATSAPP_GATEWAY_RESPONSE_ID", "id"),
        "MAX_ATTEMPTS": int(_number(environ, "NOTIFY_MAX_ATTEMPTS", 6)),
        "RETRY_SECONDS": _number(environ, "NOTIFY_RETRY_SECONDS", 30),
        "RETRY_MAX_SECONDS": _number(environ, "NOTIFY_RETRY_MAX_SECONDS", 3600),
        "BATCH": int(_number(environ, "NOTIFY_BATCH", 50)),
        "POLL_SECONDS": _number(environ, "NOTIFY_POLL_SECONDS", 1),
        "LEASE_SECONDS": _number(environ, "NOTIFY_LEASE_SECONDS", 120),
        "UNCERTAIN_GRACE_SECONDS": _number(environ, "NOTIFY_UNCERTAIN_GRACE_SECONDS", 120),
    }
    _require(config, environ)
    return config


def _require(config: dict, environ: Mapping[str, str]) -> None:
    needed = {
        "cloud": ("WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_ACCESS_TOKEN"),
        "gateway": ("WHATSAPP_GATEWAY_URL",),
    }.get(config["WHATSAPP_BACKEND"], ())
    missing = [name for name in needed if not environ.get(name)]
    if missing:
        raise ImproperlyConfigured(
            f"WHATSAPP_BACKEND={config['WHATSAPP_BACKEND']} needs {', '.join(missing)}"
        )
    if set(config["GATEWAY_FIELDS"]) != set(DEFAULT_GATEWAY_FIELDS):
        raise ImproperlyConfigured(
            f"WHATSAPP_GATEWAY_FIELDS names exactly these keys: {sorted(DEFAULT_GATEWAY_FIELDS)}"
        )
    if config["MAX_ATTEMPTS"] < 1 or config["BATCH"] < 1:
        raise ImproperlyConfigured("NOTIFY_MAX_ATTEMPTS and NOTIFY_BATCH must be at least 1")


def _number(environ: Mapping[str, str], name: str, default: float) -> float:
    value = environ.get(name)
    try:
        number = default if value is None else float(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {value!r}") from None
    if number < 0:
        raise ImproperlyConfigured(f"{name} cannot be negative")
    return number


def _json(environ: Mapping[str, str], name: str, default):
    value = environ.get(name)
    if not value:
        return default
    try:
        parsed = json.loads(value)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{name} is not valid JSON: {error}") from None
    if not isinstance(parsed, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object")
    return parsed
