"""Complaints per service and period: how many, time to verify and to answer (working days,
median), and the share answered on time; as a page, CSV and XLSX.

Only counts and durations: no report names a complainant.
"""

import csv
import datetime
import io
import statistics
from dataclasses import dataclass, field

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from loket.accounts.permissions import can, scope
from loket.catalog.models import Unit
from loket.workdays import service as workdays
from loket.workdays.calendar import working_days_between

from .models import Complaint, Status

NOT_HANDLED = (Status.REJECTED, Status.NOT_OUR_REMIT)


class ReportForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=gettext_lazy("All my units"),
    )
    since = forms.DateField(
        label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, user):
        today = timezone.localdate()
        values = {"since": today.replace(month=1, day=1), "until": today}
        values.update({key: value for key, value in data.items() if value})
        super().__init__(values, label_suffix="")
        self.fields["unit"].queryset = scope(Unit.objects.active(), user, "complaints.report")

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The start of the period is after its end."))
        return data


@dataclass
class Row:
    unit: str
    service: str
    received: int = 0
    handled: int = 0
    answered: int = 0
    on_time: int = 0
    due: int = 0
    verify_days: list[int] = field(default_factory=list)
    answer_days: list[int] = field(default_factory=list)

    @property
    def median_verify(self) -> float | None:
        return statistics.median(self.verify_days) if self.verify_days else None

    @property
    def median_answer(self) -> float | None:
        return statistics.median(self.answer_days) if self.answer_days else None

    @property
    def on_time_share(self) -> float | None:
        """Answered on time, of the complaints whose answer was due or given."""
        return round(100 * self.on_time / self.due, 1) if self.due else None


def build(user, *, since: datetime.date, until: datetime.date, unit: Unit | None) -> list[Row]:
    complaints = scope(Complaint.objects.all(), user, "complaints.report")
    if unit is not None:
        complaints = complaints.filter(unit=unit)
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(
        until + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    complaints = (
        complaints.filter(submitted_at__gte=start, submitted_at__lt=end)
        .select_related("unit", "service")
        .order_by("unit__name_id", "service__name_id", "submitted_at")
    )
    today = timezone.localdate()
    rows: dict[int, Row] = {}
    calendars: dict[int, set] = {}
    for complaint in complaints:
        if complaint.unit_id not in calendars:
            calendars[complaint.unit_id] = workdays.closed_days(
                complaint.unit, start=since, end=max(today, until) + datetime.timedelta(days=60)
            )
        closed = calendars[complaint.unit_id]
        row = rows.setdefault(
            complaint.service_id, Row(unit=complaint.unit.name, service=complaint.service.name)
        )
        row.received += 1
        filed = timezone.localdate(complaint.submitted_at)
        if complaint.verified_at:
            row.verify_days.append(
                working_days_between(
                    filed, timezone.localdate(complaint.verified_at), closed=closed
                )
            )
        if complaint.status in NOT_HANDLED:
            continue
        row.handled += 1
        if complaint.first_answered_at:
            row.answered += 1
            row.answer_days.append(
                working_days_between(
                    filed, timezone.localdate(complaint.first_answered_at), closed=closed
                )
            )
            row.due += 1
            row.on_time += bool(complaint.answered_on_time)
        elif complaint.answer_due < today:
            row.due += 1
    return list(rows.values())


def _form_and_rows(request: HttpRequest):
    if not can(request.user, "complaints.report"):
        raise PermissionDenied
    form = ReportForm(request.GET, user=request.user)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, build(request.user, since=data["since"], until=data["until"], unit=data["unit"])


@login_required
def report(request: HttpRequest) -> HttpResponse:
    form, rows = _form_and_rows(request)
    status = 400 if rows is None else 200
    query = request.GET.urlencode()
    return render(
        request,
        "complaints/report.html",
        {"form": form, "rows": rows, "query": query},
        status=status,
    )


def _table(rows: list[Row]) -> list[list]:
    header = [
        _("Unit"),
        _("Service"),
        _("Complaints received"),
        _("Handled"),
        _("Answered"),
        _("Median working days to verify"),
        _("Median working days to answer"),
        f"{_('Answered on time')} (%)",
    ]
    body = [
        [
            row.unit,
            row.service,
            row.received,
            row.handled,
            row.answered,
            row.median_verify,
            row.median_answer,
            row.on_time_share,
        ]
        for row in rows
    ]
    return [header, *body]


def _refused(form) -> HttpResponse:
    errors = "; ".join(str(e) for errors in form.errors.values() for e in errors)
    return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")


@login_required
def export_csv(request: HttpRequest) -> HttpResponse:
    form, rows = _form_and_rows(request)
    if rows is None:
        return _refused(form)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in _table(rows):
        # A cell that starts like a formula is written as text (spreadsheets run formulas).
        writer.writerow(["'" + v if isinstance(v, str) and v[:1] in "=+-@" else v for v in line])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="laporan-keluhan.csv"'
    return response


@login_required
def export_xlsx(request: HttpRequest) -> HttpResponse:
    form, rows = _form_and_rows(request)
    if rows is None:
        return _refused(form)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Complaints")[:31]
    for line in _table(rows):
        sheet.append(line)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="laporan-keluhan.xlsx"'
    return response
