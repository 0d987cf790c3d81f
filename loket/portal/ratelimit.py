"""Rate limits for Loket's own actions (Buat Permintaan and Buat Keluhan, page and API).

Allauth limits sign-in and registration (ACCOUNT_RATE_LIMITS); this module limits the rest with
the same notation, read from settings.LOKET_RATE_LIMITS: ``{"request_create": "20/h/user,60/h/ip"}``
is 20 an hour per account and 60 an hour per client address. Periods: s, m, h, d (``"5/10m/ip"``).
Counters are fixed windows in Django's cache, which is the database here, so every worker
process shares them. Over the limit, the view answers 429 with a page in the user's language.

    @ratelimit("request_create")          # counts POSTs only
    def new(request, slug): ...
"""

import functools
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from loket.portal import security

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
    allowed = True
    now = int(time.time())
    for rate in parse(settings.LOKET_RATE_LIMITS.get(action, "")):
        if rate.per == "user":
            if user is None or not user.is_authenticated:
                continue
            who = f"u{user.pk}"
        else:
            who = client_ip(request)
        window = now // rate.seconds
        key = f"loket-rl:{action}:{rate.seconds}:{who}:{window}"
        cache.add(key, 0, timeout=rate.seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, count := 1, timeout=rate.seconds + 1)
        allowed = allowed and count <= rate.amount
    return allowed


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
