"""Queries compiled to SQL once per process, then run with new values.

For a small indexed query, building the QuerySet and compiling it costs the web worker more than
the database spends answering it. The queries that every signed-in request runs (its session, and
the person with their roles) are built here once per kind of database with sample values, and
each request runs that SQL with its own values, the rows still made by the ORM (`raw()`).
"""

from collections.abc import Callable

from django.db import connections
from django.db.models import Model, QuerySet

# Stand-ins for the values a request brings, each found again among the compiled parameters.
SAMPLES: dict[type, object] = {int: -7_310_046_911, str: "loket-compiled-sample"}


class Compiled:
    def __init__(self, build: Callable[..., QuerySet], *kinds: type, using: str = "default"):
        self.build, self.kinds, self.using = build, kinds, using
        self._sql: dict[str, tuple[type[Model], str, list, list[int]]] = {}

    def compiled(self) -> tuple[type[Model], str, list, list[int]]:
        vendor = connections[self.using].vendor
        if vendor not in self._sql:
            samples = [SAMPLES[kind] for kind in self.kinds]
            queryset = self.build(*samples)
            sql, params = queryset.query.get_compiler(self.using).as_sql()
            params = list(params)
            self._sql[vendor] = (queryset.model, sql, params, [params.index(s) for s in samples])
        return self._sql[vendor]

    def first(self, *values) -> Model | None:
        """The first row for these values (in the order of `kinds`), or None."""
        model, sql, params, where = self.compiled()
        params = list(params)
        for position, value in zip(where, values, strict=True):
            params[position] = value
        return next(iter(model._default_manager.using(self.using).raw(sql, params)), None)
