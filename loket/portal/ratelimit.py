"""Rate limits for Loket's own actions (Buat Permintaan and Buat Keluhan, page and API).

Allauth limits sign-in and registration (ACCOUNT_RATE_LIMITS); this module limits the rest with
the same notation, read from settings.LOKET_RATE_LIMITS: ``{"request_create": "20/h/user,60/h/ip"}``
is 20 an hour per account and 60 an hour per client address. Periods: s, m, h, d (``"5/10m/ip"``).
Counters are fixed windows in a table of their own (`RateCounter`), so every worker process
shares them: one INSERT … ON CONFLICT DO UPDATE … RETURNING counts every rate of an attempt at
once (Django's database cache took eleven queries and two transactions per rate). Over the
limit, the view answers 429 with a page in the user's language.

    @ratelimit("request_create")          # counts POSTs only
    def new(request, slug): ...
"""

import datetime
import functools
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from loket.portal import security
from loket.portal.models import RateCounter

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^(?P<amount>\d+)/(?P<count>\d*)(?P<unit>[smhd])/(?P<per>ip|user)$")


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int
    per: str  # "ip" or "user"


def parse(rates: str) -> list[Rate]:
    """``"20/h/user,60/h/ip"`` -> two Rates; a malformed rate raises ValueError."""
    parsed = []
    for text in filter(None, (part.strip() for part in rates.split(","))):
        match = RATE.match(text)
        if not match:
            raise ValueError(f"Not a rate: {text!r} (expected e.g. '20/h/user' or '5/10m/ip')")
        seconds = int(match["count"] or 1) * PERIODS[match["unit"]]
        parsed.append(Rate(int(match["amount"]), seconds, match["per"]))
    return parsed


def client_ip(request: HttpRequest) -> str:
    """The client's address, behind TRUSTED_PROXY_COUNT proxies (allauth's reading of it);
    "unknown" when the server was not told (a WSGI call without REMOTE_ADDR)."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def hit(request: HttpRequest, action: str, *, user=None) -> bool:
    """Count one attempt at `action` (by `user`, default the signed-in one); False when any of
    its rates is exceeded."""
    user = user or getattr(request, "user", None)
    now = int(time.time())
    counted: dict[str, tuple[Rate, int]] = {}  # key: its rate, and when its window ends
    for rate in parse(settings.LOKET_RATE_LIMITS.get(action, "")):
        if rate.per == "user":
            if user is None or not user.is_authenticated:
                continue
            who = f"u{user.pk}"
        else:
            who = client_ip(request)
        window = now // rate.seconds
        key = f"{action}:{rate.seconds}:{who}:{window}"
        counted[key] = (rate, (window + 1) * rate.seconds)
    if not counted:
        return True
    hits = _count(counted)
    _forget_ended(now)
    return all(hits[key] <= rate.amount for key, (rate, _ends) in counted.items())


def _count(counted: dict[str, tuple["Rate", int]]) -> dict[str, int]:
    quote = connection.ops.quote_name
    table, key, hits = quote(RateCounter._meta.db_table), quote("key"), quote("hits")
    rows = ", ".join(["(%s, 1, %s)"] * len(counted))
    params = []
    for name, (_rate, ends) in counted.items():
        params += [name, datetime.datetime.fromtimestamp(ends, datetime.UTC)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key}, {hits}, {quote('expires')}) VALUES {rows} "  # noqa: S608
            f"ON CONFLICT ({key}) DO UPDATE SET {hits} = {table}.{hits} + 1 "
            f"RETURNING {key}, {hits}",
            params,
        )
        return dict(cursor.fetchall())


_last_cleanup = 0


def _forget_ended(now: int) -> None:
    """Delete the counters of ended windows, at most once a minute per process."""
    global _last_cleanup
    if now - _last_cleanup >= 60:
        _last_cleanup = now
        RateCounter.objects.filter(
            expires__lt=datetime.datetime.fromtimestamp(now, datetime.UTC)
        ).delete()


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 429 page (also allauth's, through loket.urls.handler429)."""
    security.log_event("rate_limited", request)
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def ratelimit(action: str, *, methods: tuple[str, ...] = ("POST",)):
    """Refuse a view's `methods` with 429 once `action`'s rates are spent."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs):
            if request.method in methods and not hit(request, action):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
