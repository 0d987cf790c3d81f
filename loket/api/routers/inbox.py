"""Kotak Masuk: what waits for each of the caller's unit roles, as on the page."""

from django.core.exceptions import PermissionDenied
from ninja import Router, Schema

from loket.accounts.models import Role
from loket.accounts.permissions import roles_of
from loket.requests.models import ServiceRequest

from ..errors import responses
from ..schemas import RequestOut

router = Router(tags=["requests"])
INBOX_LIMIT = 100


class InboxSection(Schema):
    role: str
    label: str
    requests: list[RequestOut]


@router.get("/inbox", response=responses({200: list[InboxSection]}, 401, 403))
def inbox(request):
    held = {role for _unit, role in roles_of(request.auth)}
    if not held:
        raise PermissionDenied
    return [
        {
            "role": role.value,
            "label": str(role.label),
            "requests": ServiceRequest.objects.in_inbox_of(request.auth, role).for_lists()[
                :INBOX_LIMIT
            ],
        }
        for role in (Role.UNIT_ADMIN, Role.DIRECTOR, Role.STAFF)
        if role in held
    ]
