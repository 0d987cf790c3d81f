"""Signed-in pages (Kotak Masuk, Riwayat Saya, a request's page, the dashboard, search) kept
rendered per person, and answered again until something they show changes.

What a page shows belongs to scopes: "all" (the catalog, people's names, roles, calendars),
"unit:<id>" (a unit's requests, complaints, answers and their steps), "user:<id>" (a person's
own requests, notifications and settings) and "words" (search's suggestions). Database triggers,
installed after every `migrate` from RULES below, add a ChangeMark row for each scope of every
row written, in the writer's own transaction. A scope's version is its number of marks and its
generation; a page is kept with the versions of its person's scopes read before it was rendered,
and is answered again only while a fresh read finds the same versions. So a kept page never
outlives a change that committed before it is asked for, whichever process, command or raw SQL
wrote it; the reader's one SELECT sees every committed change or none of a transaction's.

A kept page is keyed by the person, their session's password hash (a session ended by a new
password never gets one), language, date and address. Superadmins' pages (they see every unit),
requests with a message to show, and answers other than a 200 page are never kept. As for public
pages (page_cache.py), the CSRF token and the header's clock are put into each answer afresh.
Each worker process keeps pages in its own memory, and all of them share them through a table
(KeptPage, compressed), so a page one worker rendered is not rendered again by the others.
"""

import datetime
import hashlib
import json
import zlib
from collections.abc import Iterable
from contextlib import contextmanager
from functools import wraps

from django.apps import apps
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from loket.accounts.permissions import is_superadmin, roles_of
from loket.portal import page_cache

ALL = "all"
EVERY_SCOPE = "*"  # its generation moves when every scope's marks are forgotten
COMPACT_AT = 200  # marks of one scope before a reader folds them into its generation
TRIGGER_PREFIX = "loket_kept_"

# model label: (scope prefix, lookup from the row to the scope's id) for each scope a row belongs
# to; ALL alone for rows that pages of every unit and person show.
UNIT_OF_REQUEST = (("unit", "req__unit"), ("user", "req__requester"))
UNIT_OF_COMPLAINT = (
    ("unit", "complaint__unit"),
    ("unit", "complaint__referred_unit"),
    ("user", "complaint__complainant"),
)
RULES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "accounts.User": ((ALL, None),),
    "accounts.UnitRole": ((ALL, None),),
    "accounts.User_groups": ((ALL, None),),
    "accounts.User_user_permissions": ((ALL, None),),
    "auth.Group": ((ALL, None),),
    "auth.Group_permissions": ((ALL, None),),
    "accounts.ConsentRecord": (("user", "user"),),
    "api.AccessToken": (("user", "user"),),
    "catalog.Unit": ((ALL, None),),
    "catalog.Category": ((ALL, None),),
    "catalog.Application": ((ALL, None),),
    "catalog.Service": ((ALL, None),),
    "catalog.StandardRevision": ((ALL, None),),
    "workdays.Closure": ((ALL, None),),
    "requests.ServiceRequest": (("unit", "unit"), ("user", "requester")),
    "requests.Event": UNIT_OF_REQUEST,
    "requests.Attachment": UNIT_OF_REQUEST,
    "requests.FileAccess": UNIT_OF_REQUEST,
    "requests.Disposition": UNIT_OF_REQUEST,
    "requests.Disposition_staff": (
        ("unit", "disposition__req__unit"),
        ("user", "disposition__req__requester"),
    ),
    "complaints.UnitSettings": (("unit", "unit"),),
    "complaints.Complaint": (
        ("unit", "unit"),
        ("unit", "referred_unit"),
        ("user", "complainant"),
    ),
    "complaints.Event": UNIT_OF_COMPLAINT,
    "complaints.Attachment": UNIT_OF_COMPLAINT,
    "notifications.Rule": ((ALL, None),),
    "notifications.Preference": (("user", "user"),),
    # Only its recipient's pages show a notification (the header's unread count): a unit's
    # pages stay kept while its people read theirs.
    "notifications.Message": (("user", "recipient"),),
    "notifications.OverdueAlert": UNIT_OF_REQUEST,
    "surveys.Element": ((ALL, None),),
    "surveys.Response": (("unit", "unit"), ("user", "req__requester")),
    "surveys.MonthlyFigures": (("unit", "unit"),),
    "surveys.RollUp": ((ALL, None),),
    "surveys.Publication": ((ALL, None),),
    "search.Word": (("words", None),),
}
# Columns whose changes no kept page shows (a sign-in's time; a notification's delivery).
UNSHOWN_COLUMNS: dict[str, frozenset[str]] = {
    "accounts.User": frozenset({"last_login"}),
    "api.AccessToken": frozenset({"last_used_at"}),
    "notifications.Message": frozenset(
        {
            "state",
            "attempts",
            "next_attempt_at",
            "claim",
            "claimed_until",
            "in_flight_since",
            "provider_id",
            "last_error",
            "recorded",
            "sent_at",
            "delivered_at",
            "failed_at",
        }
    ),
}
# Rows that no kept page shows: sign-in machinery, counters, logs and this module's own.
NOT_SHOWN = frozenset(
    {
        "admin.LogEntry",
        "auth.Permission",
        "contenttypes.ContentType",
        "sessions.Session",
        "account.EmailAddress",
        "account.EmailConfirmation",
        "mfa.Authenticator",
        "socialaccount.SocialApp",
        "socialaccount.SocialAccount",
        "socialaccount.SocialToken",
        "portal.RateCounter",
        "portal.ChangeMark",
        "portal.ScopeGeneration",
        "portal.KeptPage",
        "requests.TicketCounter",
        "complaints.TicketCounter",
    }
)


def store():
    """This process's kept pages."""
    return caches["kept"]


# Shared pages ---------------------------------------------------------------------------------

CULL_EVERY = 100  # shared pages written by a process between two deletions of the expired ones
_written = {"since_cull": 0}


def shared_get(key: str):
    """The page every process keeps under `key`, or None."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT meta, body FROM portal_keptpage WHERE key = %s AND expires > %s",
            [key, timezone.now()],
        )
        found = cursor.fetchone()
    if found is None:
        return None
    meta, body = json.loads(found[0]), zlib.decompress(bytes(found[1]))
    seen = tuple(tuple(version) for version in meta["seen"])
    return tuple(meta["scopes"]), seen, body, meta["headers"]


def shared_set(key: str, kept: tuple) -> None:
    scopes, seen, body, headers = kept
    meta = json.dumps({"scopes": scopes, "seen": seen, "headers": headers})
    expires = timezone.now() + datetime.timedelta(seconds=store().default_timeout)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_keptpage (key, meta, body, expires) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (key) DO UPDATE SET meta = excluded.meta, body = excluded.body, "
            "expires = excluded.expires",
            [key, meta, zlib.compress(body, 1), expires],
        )
        _written["since_cull"] += 1
        if _written["since_cull"] >= CULL_EVERY:
            _written["since_cull"] = 0
            cursor.execute("DELETE FROM portal_keptpage WHERE expires <= %s", [timezone.now()])


def forget_locally() -> None:
    """This process's pages and count of shared writes (tests: the database is rolled back)."""
    store().clear()
    _written["since_cull"] = 0


# Versions ------------------------------------------------------------------------------------


def scopes_of(user, extra: Iterable[str] = ()) -> tuple[str, ...]:
    units = {f"unit:{unit}" for unit, _role in roles_of(user)}
    return tuple(sorted({ALL, f"user:{user.pk}", *units, *extra}))


def versions(scopes: tuple[str, ...]) -> tuple:
    """Each scope's (generation, marks), with every scope's generation, in one SELECT."""
    marks = ", ".join(["%s"] * len(scopes))
    generations = ", ".join(["%s"] * (len(scopes) + 1))
    sql = (
        f"SELECT scope, COUNT(*) FROM portal_changemark WHERE scope IN ({marks}) GROUP BY scope "
        f"UNION ALL SELECT '#' || scope, n FROM portal_scopegeneration "
        f"WHERE scope IN ({generations})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scopes, *scopes, EVERY_SCOPE])
        found = dict(cursor.fetchall())
    crowded = [scope for scope in scopes if found.get(scope, 0) > COMPACT_AT]
    if crowded:
        compact(crowded)
    return tuple(sorted(found.items()))


def compact(scopes: Iterable[str]) -> None:
    """Fold scopes' marks into their generations: fewer rows to count, never an old version."""
    for scope in scopes:
        with transaction.atomic():
            _next_generation(scope)
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM portal_changemark WHERE scope = %s", [scope])


def forget_all() -> None:
    """Every kept page is asked for again (the daily job; after triggers were off)."""
    with transaction.atomic():
        _next_generation(EVERY_SCOPE)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM portal_changemark")
            cursor.execute("DELETE FROM portal_keptpage")


def _next_generation(scope: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO portal_scopegeneration (scope, n) VALUES (%s, 1) "
            "ON CONFLICT (scope) DO UPDATE SET n = portal_scopegeneration.n + 1",
            [scope],
        )


# Pages ---------------------------------------------------------------------------------------


def _keepable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and "messages" not in request.COOKIES
        and "HX-Request" not in request.headers
        and request.session.get(SESSION_KEY) is not None
        and "_messages" not in request.session
    )


def _key(request: HttpRequest) -> str:
    session = request.session
    person = f"{session[SESSION_KEY]}:{session.get(HASH_SESSION_KEY, '')}"
    page = f"{get_language()}:{timezone.localdate()}:{request.get_full_path()}"
    return hashlib.sha256(f"{person}:{page}".encode()).hexdigest()


def kept_for_person(*extra_scopes: str):
    """Keep the view's 200 pages per person (see the module's docstring)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _keepable(request) or is_superadmin(request.user):
                return view(request, *args, **kwargs)
            key = _key(request)
            kept = store().get(key)
            mine = kept is not None
            if not mine:
                kept = shared_get(key)
            read = None  # the versions just read, still good for a page rendered from now on
            if kept is not None:
                scopes, seen, body, headers = kept
                read = (scopes, versions(scopes))
                if read[1] == seen:
                    if not mine:
                        store().set(key, kept)
                    return _answer(request, body, headers)
            return _render_and_keep(request, key, view, args, kwargs, extra_scopes, read)

        return wrapper

    return decorator


def _render_and_keep(request, key, view, args, kwargs, extra_scopes, read) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return view(request, *args, **kwargs)
    scopes = scopes_of(user, extra_scopes)
    seen = read[1] if read and read[0] == scopes else versions(scopes)
    response = view(request, *args, **kwargs)
    shown_messages = len(getattr(request, "_messages", ()))
    if response.status_code == 200 and not response.streaming and not shown_messages:
        headers = [(k, v) for k, v in response.items() if k.lower() != "content-length"]
        kept = (scopes, seen, page_cache.emptied(response.content), headers)
        store().set(key, kept)
        shared_set(key, kept)
    return response


def _answer(request: HttpRequest, body: bytes, headers) -> HttpResponse:
    response = HttpResponse(page_cache.filled(request, body))
    for name, value in headers:
        response[name] = value
    return response


# Triggers ------------------------------------------------------------------------------------


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _scope_sql(model, prefix: str, lookup: str | None, row: str) -> str:
    if lookup is None:
        return f"'{prefix}'"
    parts = lookup.split("__")
    field = model._meta.get_field(parts[0])
    value = f"{row}.{_quote(field.column)}"
    for part in parts[1:]:
        target = field.related_model
        field = target._meta.get_field(part)
        value = (
            f"(SELECT {_quote(field.column)} FROM {_quote(target._meta.db_table)} "
            f"WHERE {_quote(target._meta.pk.column)} = {value})"
        )
    return f"'{prefix}:' || CAST({value} AS VARCHAR(20))"


def _mark_sql(model, row: str) -> str:
    scopes = " UNION ".join(
        f"SELECT {_scope_sql(model, prefix, lookup, row)} AS scope"
        for prefix, lookup in RULES[model._meta.label]
    )
    return (
        f"INSERT INTO portal_changemark (scope) "
        f"SELECT scope FROM ({scopes}) marked WHERE scope IS NOT NULL"
    )


def _changed_sql(model) -> str:
    unshown = UNSHOWN_COLUMNS.get(model._meta.label, frozenset())
    columns = [_quote(f.column) for f in model._meta.concrete_fields if f.attname not in unshown]
    differ = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    return " OR ".join(f"OLD.{c} {differ} NEW.{c}" for c in columns)


def shown_models() -> list:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.label in RULES
    ]


def trigger_sql(model) -> list[str]:
    """The statements that install `model`'s triggers on this connection's kind of database."""
    table = model._meta.db_table
    name = f"{TRIGGER_PREFIX}{table}"
    new, old, changed = _mark_sql(model, "NEW"), _mark_sql(model, "OLD"), _changed_sql(model)
    if connection.vendor == "postgresql":
        return [
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'DELETE' THEN {new}; END IF; "
            f"IF TG_OP <> 'INSERT' THEN {old}; END IF; RETURN NULL; END $$",
            f"CREATE TRIGGER {name} AFTER INSERT OR DELETE ON {_quote(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION {name}()",
            f"CREATE TRIGGER {name}_u AFTER UPDATE ON {_quote(table)} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {name}()",
        ]
    return [
        f"CREATE TRIGGER {name}_i AFTER INSERT ON {_quote(table)} BEGIN {new}; END",
        f"CREATE TRIGGER {name}_u AFTER UPDATE ON {_quote(table)} WHEN {changed} "
        f"BEGIN {new}; {old}; END",
        f"CREATE TRIGGER {name}_d AFTER DELETE ON {_quote(table)} BEGIN {old}; END",
    ]


def _installed() -> list[tuple[str, str]]:
    """(trigger, table) of this module's triggers in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                "WHERE NOT tgisinternal AND tgname LIKE %s",
                [TRIGGER_PREFIX + "%"],
            )
        else:
            cursor.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [TRIGGER_PREFIX + "%"],
            )
        return [(name, table.strip('"')) for name, table in cursor.fetchall()]


def remove_triggers(**kwargs) -> None:
    installed = _installed()
    with connection.cursor() as cursor:
        for name, table in installed:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {_quote(table)}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        if connection.vendor == "postgresql":
            for function in {name.removesuffix("_u") for name, _table in installed}:
                cursor.execute(f"DROP FUNCTION IF EXISTS {function}()")


def install_triggers(**kwargs) -> None:
    """(Re)install every shown table's triggers; tables not created yet are left for later."""
    tables = set(connection.introspection.table_names())
    if "portal_changemark" not in tables:
        return
    with transaction.atomic():
        remove_triggers()
        with connection.cursor() as cursor:
            for model in shown_models():
                if model._meta.db_table in tables:
                    for statement in trigger_sql(model):
                        cursor.execute(statement)


@contextmanager
def triggers_off():
    """For bulk loading (the bench's seeder): no marks while it writes, then every kept page
    is asked for again."""
    remove_triggers()
    try:
        yield
    finally:
        install_triggers()
        forget_all()
