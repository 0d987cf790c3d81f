"""Security events as structured log records: one JSON object a line on the `loket.security`
logger (README, "Security").

Events: ``login_failed`` (a wrong password or unknown account), ``permission_denied`` (a page or
API call refused with 403), ``not_visible`` (an object that exists but is not the user's to see:
answered 404), ``file_download`` (a letter or result file served), ``rate_limited`` (answered 429).
Each record carries the time, the event, the user's id (never a name), the client address, the
method and path, and the event's own fields.
"""

import datetime
import hashlib
import json
import logging

from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.dispatch import receiver
from django.http import Http404, HttpRequest

logger = logging.getLogger("loket.security")
RECORD_FIELDS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
        }
        data.update({k: v for k, v in vars(record).items() if k not in RECORD_FIELDS})
        return json.dumps(data, default=str, ensure_ascii=False)


def log_event(event: str, request: HttpRequest | None = None, **fields) -> None:
    context = {}
    if request is not None:
        from loket.portal.ratelimit import client_ip

        user = getattr(request, "user", None)
        context = {
            "user_id": user.pk if user is not None and user.is_authenticated else None,
            "ip": client_ip(request),
            "method": request.method,
            "path": request.path,
        }
    level = logging.INFO if event == "file_download" else logging.WARNING
    logger.log(level, event, extra={**context, **fields})


def visible_or_404(request: HttpRequest, visible: QuerySet, **lookup):
    """The row of `visible` (already scoped to the user) matching `lookup`, else 404; a row that
    exists but is hidden from this user is recorded as `not_visible`."""
    try:
        return visible.get(**lookup)
    except visible.model.DoesNotExist:
        if visible.model._default_manager.filter(**lookup).exists():
            log_event("not_visible", request, model=visible.model._meta.label_lower, **lookup)
        raise Http404 from None


def fingerprint(identifier: str) -> str:
    """A stable stand-in for a typed user name or e-mail: attempts correlate, names stay out."""
    return hashlib.sha256(identifier.strip().lower().encode()).hexdigest()[:16]


@receiver(user_login_failed)
def _login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs):
    typed = next((str(v) for k, v in credentials.items() if k in ("username", "email")), "")
    log_event("login_failed", request, account=fingerprint(typed) if typed else None)


def permission_refusals(get_response):
    """Middleware: a view's PermissionDenied becomes a `permission_denied` record (Django still
    answers 403 as before)."""

    def middleware(request: HttpRequest):
        return get_response(request)

    def process_exception(request: HttpRequest, exception: Exception):
        if isinstance(exception, PermissionDenied):
            log_event("permission_denied", request, reason=str(exception) or None)
        return None

    middleware.process_exception = process_exception
    return middleware
