from django.http import HttpRequest

from loket.accounts.permissions import roles_of
from loket.complaints.models import Complaint

from .models import ServiceRequest


def inbox(request: HttpRequest) -> dict:
    """The navigation's inbox count, for people who hold a unit role."""
    user = getattr(request, "user", None)
    held = {role for _unit, role in roles_of(user)} if user else set()
    if not held:
        return {"inbox_count": None}
    count = sum(
        ServiceRequest.objects.in_inbox_of(user, role).count()
        + Complaint.objects.in_inbox_of(user, role).count()
        for role in held
    )
    return {"inbox_count": count}
