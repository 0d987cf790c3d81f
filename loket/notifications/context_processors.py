from functools import partial

from django.http import HttpRequest

from loket.portal import header_counts


def unread(request: HttpRequest) -> dict:
    """The header's unread count: counted with the inbox count in one query, run only by pages
    that show it (templates call the function on first use)."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"unread_notifications": None}
    return {"unread_notifications": partial(header_counts.unread, request)}
