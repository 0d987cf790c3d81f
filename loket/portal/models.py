from django.db import models


class RateCounter(models.Model):
    """Attempts at a rate-limited action in one window (loket.portal.ratelimit), by one account
    or address. A row per key and window; windows that ended are deleted as new ones start."""

    key = models.CharField(max_length=200, primary_key=True)
    hits = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.hits}"
