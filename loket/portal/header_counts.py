"""The header's two numbers, what waits in the Inbox and the unread notifications, in one query.

Every signed-in page shows them, so each used to cost its own counts (two per unit role held,
and one more for the notifications). Here every count is a scalar subquery of one SELECT, run the
first time a template asks for either number and kept on the request for the other.
"""

from django.db.models import IntegerField, Subquery

from loket.accounts.models import User
from loket.accounts.permissions import roles_of
from loket.complaints.models import Complaint
from loket.notifications.models import Message
from loket.requests.models import ServiceRequest


class Count(Subquery):
    """The number of rows of a QuerySet, as a scalar subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()

    def __init__(self, queryset, **extra):
        super().__init__(queryset.order_by().values("pk"), **extra)


def counts(request) -> dict[str, int]:
    found = getattr(request, "_loket_header_counts", None)
    if found is None:
        user = request.user
        queries = {"unread": Message.objects.inbox_of(user).unread()}
        for role in sorted({role for _unit, role in roles_of(user)}):
            queries[f"requests_{role}"] = ServiceRequest.objects.in_inbox_of(user, role)
            queries[f"complaints_{role}"] = Complaint.objects.in_inbox_of(user, role)
        annotations = {name: Count(query) for name, query in queries.items()}
        row = User.objects.filter(pk=user.pk).values(**annotations).get()
        found = {
            "unread": row["unread"],
            "inbox": sum(n for name, n in row.items() if name != "unread"),
        }
        request._loket_header_counts = found
    return found


def inbox(request) -> int:
    return counts(request)["inbox"]


def unread(request) -> int:
    return counts(request)["unread"]
