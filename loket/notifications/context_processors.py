from functools import cache

from django.http import HttpRequest

from .models import Message


def unread(request: HttpRequest) -> dict:
    """The header's unread count: one query, run only by pages that show it (templates call
    the cached function on first use)."""
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"unread_notifications": None}
    return {"unread_notifications": cache(Message.objects.inbox_of(user).unread().count)}
