"""Public pages (Halaman Depan, Layanan, a service page, Unit) kept rendered for visitors.

Only a visitor with no session and no pending message gets a kept page: anyone signed in sees
their own header (role, inbox and notification counts), so their pages are always rendered.
A kept page is keyed by its language and address and by the catalog's version; every change of
the catalog (any save or delete of a unit, category, service, standard or application, from the
Admin Panel or anywhere else) gives the catalog a new version, so no page outlives the change.
Each worker process keeps its own pages (local memory); the version is shared through the
database cache and read at most once per VERSION_SECONDS per process, so another process's
change reaches every worker within that time. The language switch's CSRF token and the header's
clock are put into each answer afresh.
"""

import re
import time
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.translation import get_language

VERSION_KEY = "loket:catalog-version"
VERSION_SECONDS = 1.0
TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
TOKEN_MARK = b"@@csrf-token@@"
CLOCK = re.compile(rb'<time class="clock".*?</time>', re.DOTALL)
CLOCK_MARK = b"@@clock@@"

_version = {"value": "", "read_at": float("-inf")}


def pages():
    return caches["pages"]


def catalog_version() -> str:
    now = time.monotonic()
    if now - _version["read_at"] > VERSION_SECONDS:
        value = cache.get(VERSION_KEY)
        if value is None:  # never set, or dropped by the cache: a new one misses, never stale
            value = uuid.uuid4().hex
            cache.add(VERSION_KEY, value, timeout=None)
            value = cache.get(VERSION_KEY, value)
        _version.update(value=value, read_at=now)
    return _version["value"]


def catalog_changed(**kwargs) -> None:
    value = uuid.uuid4().hex
    cache.set(VERSION_KEY, value, timeout=None)
    _version.update(value=value, read_at=time.monotonic())


def catalog_changed_locally() -> None:
    """Forget this process's version without writing one (tests: the database is rolled back)."""
    _version.update(value=uuid.uuid4().hex, read_at=time.monotonic())


def connect_catalog_signals() -> None:
    from django.apps import apps

    for label in (
        "catalog.Unit",
        "catalog.Category",
        "catalog.Service",
        "catalog.StandardRevision",
        "catalog.Application",
        "surveys.Publication",
    ):
        model = apps.get_model(label)
        uid = f"page-cache-{label}"
        post_save.connect(catalog_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(catalog_changed, sender=model, dispatch_uid=uid + "-delete")


def for_visitors(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def kept_for_visitors(view):
    """Keep the view's 200 answers for visitors (see the module's docstring)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not for_visitors(request):
            return view(request, *args, **kwargs)
        key = f"page:{catalog_version()}:{get_language()}:{request.get_full_path()}"
        kept = pages().get(key)
        if kept is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            kept = (emptied(response.content), response["Content-Type"])
            pages().set(key, kept)
        body, content_type = kept
        return HttpResponse(filled(request, body), content_type=content_type)

    return wrapper


def filled(request: HttpRequest, body: bytes) -> bytes:
    """A kept page with this request's CSRF token and the clock put back."""
    if TOKEN_MARK in body:
        body = body.replace(TOKEN_MARK, get_token(request).encode())
    clock = render_to_string("portal/clock.html", {"time_zone": settings.TIME_ZONE})
    return body.replace(CLOCK_MARK, clock.rstrip("\n").encode())


def emptied(body: bytes) -> bytes:
    """A page to keep, its CSRF token and clock taken out (`filled` puts them back)."""
    body = TOKEN.sub(rb"\1" + TOKEN_MARK + rb"\2", body)
    return CLOCK.sub(CLOCK_MARK, body, count=1)
