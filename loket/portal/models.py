from django.db import models


class RateCounter(models.Model):
    """Attempts at a rate-limited action in one window (loket.portal.ratelimit), by one account
    or address. A row per key and window; windows that ended are deleted as new ones start."""

    key = models.CharField(max_length=200, primary_key=True)
    hits = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"


class ChangeMark(models.Model):
    """One change to what a scope's pages show (loket.portal.kept_pages): database triggers add
    a row per scope for every row written that such a page shows. A scope's rows are counted;
    the count only grows until the scope is compacted, which moves its generation on."""

    scope = models.CharField(max_length=40, db_index=True)

    def __str__(self) -> str:
        return self.scope


class ScopeGeneration(models.Model):
    """How many times a scope's change marks were compacted ("*": every scope's were)."""

    scope = models.CharField(max_length=40, primary_key=True)
    n = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.scope}: {self.n}"


class KeptPage(models.Model):
    """A signed-in page kept for every worker process (loket.portal.kept_pages): its scopes, their
    versions and its headers as JSON, its HTML compressed; answered only while the versions hold."""

    key = models.CharField(max_length=64, primary_key=True)
    meta = models.TextField()
    body = models.BinaryField()
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.key
