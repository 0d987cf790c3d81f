"""Notifikasi: the caller's in-portal messages, and marking them read."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from loket.notifications.models import Message

from ..errors import responses
from ..schemas import MessageOut

router = Router(tags=["notifications"])
LIMIT = 100


class MarkedOut(Schema):
    marked: int


def _inbox(request):
    return Message.objects.inbox_of(request.auth).select_related("req", "complaint")


@router.get("/notifications", response=responses({200: list[MessageOut]}, 400, 401))
def notifications(request, unread: bool = False):
    """Newest first; `unread` keeps the ones not read yet."""
    found = _inbox(request)
    return (found.unread() if unread else found)[:LIMIT]


@router.post("/notifications/read", response=responses({200: MarkedOut}, 401))
def mark_all_read(request):
    return {"marked": _inbox(request).mark_read()}


@router.post("/notifications/{message_id}/read", response=responses({200: MessageOut}, 401, 404))
def mark_read(request, message_id: int):
    _inbox(request).filter(pk=message_id).mark_read()
    return get_object_or_404(_inbox(request), pk=message_id)
