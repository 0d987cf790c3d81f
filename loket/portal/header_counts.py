"""The header's two numbers, what waits in the Inbox and the unread notifications, in one query.

Every signed-in page shows them, so each used to cost its own counts (two per unit role held,
and one more for the notifications). Here every count is a scalar subquery of one SELECT, run the
first time a template asks for either number and kept on the request for the other.

Building that SELECT with the ORM costs more than running it, so its SQL is kept per shape (which
roles, in how many units each, on which day, on which kind of database), compiled once for
stand-in ids, and each request puts its own person's and units' ids in their places.
"""

import datetime
import itertools

from django.db import connection
from django.db.models import IntegerField, QuerySet, Subquery
from django.utils import timezone

from loket.accounts.models import User
from loket.accounts.permissions import roles_of
from loket.complaints.models import Complaint
from loket.notifications.models import Message
from loket.requests.models import ServiceRequest

FIRST_STAND_IN = -7_310_046_911  # ids no row has
KEPT_SHAPES = 256

_compiled: dict[tuple, tuple[str, list, list[str]]] = {}


class Count(Subquery):
    """The number of rows of a QuerySet, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by().values("pk"), **extra)


def build(user) -> QuerySet:
    queries = {"unread": Message.objects.inbox_of(user).unread()}
    for role in sorted({role for _unit, role in roles_of(user)}):
        queries[f"requests_{role}"] = ServiceRequest.objects.in_inbox_of(user, role)
        queries[f"complaints_{role}"] = Complaint.objects.in_inbox_of(user, role)
    annotations = {name: Count(query) for name, query in queries.items()}
    return User.objects.filter(pk=user.pk).values(**annotations)


def _shape(held: dict[str, list[int]], today: datetime.date) -> tuple:
    return (connection.vendor, today, tuple((role, len(units)) for role, units in held.items()))


def _compile(held: dict[str, list[int]]) -> tuple[str, list, list[str]]:
    ids = itertools.count(FIRST_STAND_IN, -1)
    stand_in = User(pk=next(ids), is_active=True)
    stand_in._loket_roles = frozenset(
        (next(ids), role) for role, units in held.items() for _unit in units
    )
    queryset = build(stand_in)
    sql, params = queryset.query.get_compiler(connection.alias).as_sql()
    return sql, list(params), list(queryset.query.annotation_select)


def _stand_ins(user, held: dict[str, list[int]]) -> dict[int, int]:
    """Each stand-in id of `_compile` and the real id in its place (the same order)."""
    ids = itertools.count(FIRST_STAND_IN, -1)
    found = {next(ids): user.pk}
    for _role, units in held.items():
        for unit in units:
            found[next(ids)] = unit
    return found


def counts(request) -> dict[str, int]:
    found = getattr(request, "_loket_header_counts", None)
    if found is None:
        user = request.user
        held: dict[str, list[int]] = {}
        for unit, role in sorted(roles_of(user)):
            held.setdefault(role, []).append(unit)
        held = dict(sorted(held.items()))
        shape = _shape(held, timezone.localdate())
        if shape not in _compiled:
            if len(_compiled) >= KEPT_SHAPES:
                _compiled.clear()
            _compiled[shape] = _compile(held)
        sql, params, names = _compiled[shape]
        real = _stand_ins(user, held)
        with connection.cursor() as cursor:
            cursor.execute(sql, [real.get(p, p) if type(p) is int else p for p in params])
            row = dict(zip(names, cursor.fetchone(), strict=True))
        found = {
            "unread": row["unread"],
            "inbox": sum(n for name, n in row.items() if name != "unread"),
        }
        request._loket_header_counts = found
    return found


def inbox(request) -> int:
    return counts(request)["inbox"]


def unread(request) -> int:
    return counts(request)["unread"]
