"""API tokens: their names are listed (never the tokens), and they are deleted with the account."""

from loket.accounts.models import User
from loket.accounts.privacy import Erasure, eraser, exporter
from loket.api.models import AccessToken


@exporter("api_tokens")
def tokens(person: User) -> list[dict]:
    return [
        {
            "name": t.name,
            "starts_with": t.prefix,
            "created_at": t.created_at,
            "last_used_at": t.last_used_at,
            "revoked_at": t.revoked_at,
        }
        for t in AccessToken.objects.filter(user=person).order_by("created_at")
    ]


@eraser("api")
def erase(erasure: Erasure) -> None:
    AccessToken.objects.filter(user=erasure.person).delete()
