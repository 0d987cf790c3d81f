from functools import partial

from django.http import HttpRequest

from loket.accounts.permissions import roles_of
from loket.portal import header_counts


def inbox(request: HttpRequest) -> dict:
    """The navigation's inbox count, for people who hold a unit role: counted with the unread
    notifications in one query, when a template first shows it."""
    user = getattr(request, "user", None)
    if not (user and roles_of(user)):
        return {"inbox_count": None}
    return {"inbox_count": partial(header_counts.inbox, request)}
