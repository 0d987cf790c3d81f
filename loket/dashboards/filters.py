"""The unit's request list and its filters (a GET form): every dashboard figure links here."""

import datetime

from django import forms
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import TruncDate
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.accounts.models import Role, User
from loket.catalog.models import Service
from loket.complaints import reports as complaint_reports
from loket.complaints.models import Complaint
from loket.complaints.models import Status as ComplaintStatus
from loket.requests.models import Disposition, ServiceRequest, Status
from loket.search.forms import DateField

from . import calendars
from .scope import Scope

DUE_CHOICES = [("", _("Any")), ("soon", _("Due soon")), ("overdue", _("Overdue"))]
ON_TIME_CHOICES = [("", _("Any")), ("yes", _("Completed on time")), ("no", _("Completed late"))]
ONE_DAY = datetime.timedelta(days=1)


def completed_on_time() -> LessThanOrEqual:
    """Completed (in the portal's time zone) on or before the service-level due date."""
    return LessThanOrEqual(TruncDate("completed_at"), F("due_date"))


class RequestFilter(forms.Form):
    status = forms.MultipleChoiceField(
        label=_("Status"), choices=Status.choices, required=False, widget=forms.SelectMultiple
    )
    age = forms.ChoiceField(
        label=_("Waiting for"),
        choices=[("", _("Any")), *((k, v[0]) for k, v in calendars.AGE_BUCKETS.items())],
        required=False,
    )
    due = forms.ChoiceField(label=_("Due"), choices=DUE_CHOICES, required=False)
    staff = forms.ModelChoiceField(
        label=_("Assigned staff"), queryset=User.objects.none(), required=False
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        to_field_name="slug",
        empty_label=_("Any service"),
        required=False,
    )
    since = DateField(label=_("Submitted from"), required=False)
    until = DateField(label=_("Submitted until"), required=False)
    completed_since = DateField(label=_("Completed from"), required=False)
    completed_until = DateField(label=_("Completed until"), required=False)
    on_time = forms.ChoiceField(label=_("On time"), choices=ON_TIME_CHOICES, required=False)

    def __init__(self, data, *, scope: Scope) -> None:
        super().__init__(data, label_suffix="")
        self.scope = scope
        services = Service.objects.select_related("unit").order_by("unit__name_id", "name_id")
        staff = User.objects.filter(unit_roles__role=Role.STAFF).distinct()
        if scope.unit:
            services = services.filter(unit=scope.unit)
            staff = staff.filter(unit_roles__unit=scope.unit)
        self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda service: service.name
        self.fields["staff"].queryset = staff.order_by("first_name", "username")

    def clean(self):
        data = super().clean()
        for start, end in (("since", "until"), ("completed_since", "completed_until")):
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.add_error(end, _("The end of the date range comes before its start."))
        return data

    def apply(self, found: QuerySet[ServiceRequest]) -> QuerySet[ServiceRequest]:
        """The requests that match every filter given (call after is_valid())."""
        data = self.cleaned_data
        if data["status"]:
            found = found.filter(status__in=data["status"])
        if data["service"]:
            found = found.filter(service=data["service"])
        if data["staff"]:
            current = Disposition.objects.filter(
                req=OuterRef("pk"), is_current=True, staff=data["staff"]
            )
            found = found.filter(Exists(current))
        found = _between(found, "submitted_at", data["since"], data["until"])
        found = _between(found, "completed_at", data["completed_since"], data["completed_until"])
        if data["on_time"]:
            on_time = completed_on_time()
            late = GreaterThan(TruncDate("completed_at"), F("due_date"))
            found = found.filter(on_time if data["on_time"] == "yes" else late)
        return self._windows(found)

    def _windows(self, found: QuerySet) -> QuerySet:
        age, due = self.cleaned_data["age"], self.cleaned_data["due"]
        today = timezone.localdate()
        if due == "overdue":
            found = found.filter(calendars.overdue_condition(today))
        if age or due == "soon":
            windows = calendars.around(today, self.scope.unit_ids)
            if age:
                found = found.filter(calendars.age_condition(age, windows, today))
            if due == "soon":
                found = found.filter(calendars.due_soon_condition(windows, today))
        return found


def _between(found: QuerySet, field: str, since, until) -> QuerySet:
    """Whole local days, as bounds on the column (no per-row date conversion)."""
    if since:
        found = found.filter(**{f"{field}__gte": calendars.start_of(since)})
    if until:
        found = found.filter(**{f"{field}__lt": calendars.start_of(until + ONE_DAY)})
    return found


class ComplaintFilter(forms.Form):
    """The dashboard's complaint figures link here: the unit's complaints, narrowed."""

    status = forms.MultipleChoiceField(
        label=_("Status"),
        choices=ComplaintStatus.choices,
        required=False,
        widget=forms.SelectMultiple,
    )
    since = DateField(label=_("Received from"), required=False)
    until = DateField(label=_("Received until"), required=False)
    due = forms.ChoiceField(
        label=_("Due"), choices=[("", _("Any")), ("overdue", _("Overdue"))], required=False
    )
    answered = forms.ChoiceField(
        label=_("Answered"),
        choices=[
            ("", _("Any")),
            ("yes", _("Answered")),
            ("on_time", _("Answered on time")),
            ("due", _("Answer given or due")),
        ],
        required=False,
    )

    def __init__(self, data) -> None:
        super().__init__(data, label_suffix="")

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("The end of the date range comes before its start."))
        return data

    def apply(self, found: QuerySet[Complaint]) -> QuerySet[Complaint]:
        data, today = self.cleaned_data, timezone.localdate()
        if data["status"]:
            found = found.filter(status__in=data["status"])
        found = _between(found, "submitted_at", data["since"], data["until"])
        if data["due"] == "overdue":
            found = found.overdue(today)
        if data["answered"]:
            # As the Complaints report counts: handled complaints (not rejected or referred).
            handled = found.exclude(status__in=complaint_reports.NOT_HANDLED)
            given = Q(first_answered_at__isnull=False)
            found = handled.filter(
                {
                    "yes": given,
                    "on_time": given & Q(answered_on_time=True),
                    "due": given | Q(answer_due__lt=today),
                }[data["answered"]]
            )
        return found
