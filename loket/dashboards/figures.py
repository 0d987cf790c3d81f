"""The dashboard's figures, one section each, every figure counted by the database.

Each section is a function of a `Snapshot` in SECTIONS (complaints included). A figure carries
the list filters that show exactly the rows it counts, so the page links every number to them.

Every query is bounded by the period chosen or by the requests still open, and answered from an
index of the unit's rows (`filed_by_unit`, `completed_by_unit`, `complaints_filed_by_unit`), so a
page costs the same with one year of history as with ten. Where a figure needs working days or
several windows, the database counts plain groups (by day, week or status) and the groups are
added up here: Django compiles one grouped query far faster than many filtered counts.
"""

import datetime
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Q
from django.db.models.functions import TruncDate, TruncWeek
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from loket.complaints import reports as complaint_reports
from loket.complaints.models import Complaint
from loket.complaints.models import Status as ComplaintStatus
from loket.requests.models import RUNNING, Disposition, Status
from loket.surveys import charts, reports
from loket.surveys.models import Response
from loket.surveys.periods import Period

from . import calendars
from .filters import completed_on_time
from .scope import Scope

WEEKS = 12
ONE_DAY = datetime.timedelta(days=1)
AT_WORK = (Status.DISPOSED, Status.IN_PROGRESS)  # what a current disposition keeps open
STAFF_SHOWN = 50
AGE_KEYS = list(calendars.AGE_BUCKETS)


@dataclass(frozen=True)
class Figure:
    label: str
    value: object  # what the page shows
    params: dict | None = None  # the request list's filters that show its rows
    url: str = ""  # a page other than the request list (the IKM report)
    count: int | None = None  # the number of rows behind it, when the value is not that


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure]
    chart: charts.Chart | None = None
    note: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)
    horizontal: bool = False  # bars across, for long labels


@dataclass
class Snapshot:
    """What every section reads: whose requests, which period, and which day is today."""

    scope: Scope
    period: Period
    today: datetime.date
    _loaded: list[calendars.Calendars] = field(default_factory=list, init=False, repr=False)

    @cached_property
    def requests(self):
        return self.scope.requests()

    @cached_property
    def windows(self) -> calendars.Calendars:
        return calendars.around(self.today, self.scope.unit_ids)

    def calendars_for(self, start: datetime.date, end: datetime.date) -> calendars.Calendars:
        """The units' closed days from start to end, read once for the page: the windows' when
        they hold those days (the current periods); for an earlier period, its own, loaded with
        the same look back, so that completion and complaints share them."""
        for loaded in [self.windows, *self._loaded]:
            if loaded.start <= start and end <= loaded.end:
                return loaded
        start = min(start, self.period.start - calendars.LOOK_BACK)
        end = max(end, self.period.last_day, self.today)  # a late complaint's answer
        loaded = calendars.load(self.scope.unit_ids, start=start, end=end)
        self._loaded.append(loaded)
        return loaded

    @cached_property
    def complaints(self):
        found = Complaint.objects.all()
        return found.filter(unit=self.scope.unit) if self.scope.unit else found

    def in_period(self) -> dict[str, str]:
        return {"since": self.period.start.isoformat(), "until": self.period.last_day.isoformat()}

    @cached_property
    def now(self) -> dict[str, int]:
        """Open requests, their age buckets, due soon and overdue: one query of the open requests
        grouped by unit, due date and filing day, each group put where the request list's
        conditions put it (calendars.age_condition, due_soon_condition, overdue_condition)."""
        groups = (
            self.requests.filter(status__in=RUNNING)
            .values_list("unit_id", "due_date", TruncDate("submitted_at"))
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = dict.fromkeys(["open", "due_soon", "overdue"], 0)
        counts.update({f"age_{key}": 0 for key in calendars.AGE_BUCKETS})
        bounds = {}  # per calendar: the age buckets' filing days and the last day due soon
        for unit_id, due, filed, n in groups:
            counts["open"] += n
            if due < self.today:
                counts["overdue"] += n
            closed = self.windows.closed.get(unit_id)
            if closed is None:
                continue  # not a unit of the scope's calendars (as the list's conditions)
            if closed not in bounds:
                ages = {key: calendars.age_range(key, self.today, closed) for key in AGE_KEYS}
                bounds[closed] = ages, calendars.due_soon_until(self.today, closed)
            ages, due_soon_until = bounds[closed]
            if self.today <= due <= due_soon_until:
                counts["due_soon"] += n
            for key, (first, last) in ages.items():
                if (first is None or first <= filed) and filed <= last:
                    counts[f"age_{key}"] += n
        return counts


def by_status(snapshot: Snapshot) -> Section:
    filed = snapshot.requests.filter(
        submitted_at__gte=calendars.start_of(snapshot.period.start),
        submitted_at__lt=calendars.start_of(snapshot.period.end),
    )
    counts = dict(filed.values_list("status").annotate(n=Count("id")).order_by())
    figures = [
        Figure(str(label), counts.get(status, 0), {"status": status, **snapshot.in_period()})
        for status, label in Status.choices
    ]
    figures.append(
        Figure(_("All requests filed"), sum(counts.values()), snapshot.in_period()),
    )
    chart = charts.count_rows_chart(
        [(f.label, f.value) for f in figures[:-1]], title=_("Requests filed, by status")
    )
    title = _("Requests filed in %(period)s, by status now") % {"period": snapshot.period}
    return Section("status", title, figures, chart, horizontal=True)


def weeks_shown(snapshot: Snapshot) -> list[tuple[datetime.date, datetime.date]]:
    """The WEEKS weeks (Monday to Sunday) up to the period's end, or up to today."""
    last = min(snapshot.today, snapshot.period.last_day)
    monday = last - datetime.timedelta(days=last.weekday())
    mondays = [monday - datetime.timedelta(weeks=back) for back in range(WEEKS - 1, -1, -1)]
    return [(start, start + datetime.timedelta(days=6)) for start in mondays]


def new_per_week(snapshot: Snapshot) -> Section:
    weeks = weeks_shown(snapshot)
    filed = snapshot.requests.filter(calendars.filed_between(weeks[0][0], weeks[-1][1]))
    # Weeks from Monday, in the portal's time zone: the days of calendars.filed_between(week).
    per_monday = {
        monday.date(): n
        for monday, n in filed.values_list(TruncWeek("submitted_at"))
        .annotate(n=Count("id"))
        .order_by()
    }
    counts = {f"w{n}": per_monday.get(start, 0) for n, (start, _end) in enumerate(weeks)}
    figures = [
        Figure(
            f"{date_format(start, 'j M')} – {date_format(end, 'j M Y')}",
            counts[f"w{n}"],
            {"since": start.isoformat(), "until": end.isoformat()},
        )
        for n, (start, end) in enumerate(weeks)
    ]
    points = [
        ((date_format(start, "j M"),), counts[f"w{n}"]) for n, (start, _e) in enumerate(weeks)
    ]
    chart = charts.count_chart(points, title=_("New requests per week"))
    title = _("New requests per week (the last %(weeks)s weeks)") % {"weeks": WEEKS}
    return Section("weeks", title, figures, chart)


def backlog_age(snapshot: Snapshot) -> Section:
    now = snapshot.now
    figures = [
        Figure(str(label), now[f"age_{key}"], {"age": key})
        for key, (label, _fewest, _most) in calendars.AGE_BUCKETS.items()
    ]
    figures.append(Figure(_("All open requests"), now["open"], {"status": sorted(RUNNING)}))
    chart = charts.count_chart(
        [((f.label,), f.value) for f in figures[:-1]], title=_("Open requests by age")
    )
    note = _(
        "Open: submitted, verified, forwarded, disposed or in progress (returned requests wait "
        "for their requester and are not counted). Age: working days since the request was filed."
    )
    return Section("age", _("Open requests by age"), figures, chart, note)


def deadlines(snapshot: Snapshot) -> Section:
    now = snapshot.now
    figures = [
        Figure(_("Due soon"), now["due_soon"], {"due": "soon"}),
        Figure(_("Overdue"), now["overdue"], {"due": "overdue"}),
    ]
    note = _(
        "Due soon: open requests due today or within the next %(days)s working days. "
        "Overdue: open requests whose due date has passed."
    ) % {"days": calendars.DUE_SOON_DAYS}
    return Section("deadlines", _("Due soon and overdue"), figures, note=note)


def staff_load(snapshot: Snapshot) -> Section:
    current = Disposition.objects.filter(is_current=True, req__status__in=AT_WORK)
    if snapshot.scope.unit:
        current = current.filter(req__unit=snapshot.scope.unit)
    rows = (
        current.values(
            "staff",
            "staff__full_name",
            "staff__first_name",
            "staff__last_name",
            "staff__username",
        )
        .annotate(n=Count("req", distinct=True))
        .order_by("-n", "staff__first_name", "staff__username")[:STAFF_SHOWN]
    )
    figures = [
        Figure(_person(row), row["n"], {"staff": row["staff"], "status": sorted(AT_WORK)})
        for row in rows
    ]
    chart = (
        charts.count_rows_chart(
            [(f.label, f.value) for f in figures], title=_("Open dispositions per staff member")
        )
        if figures
        else None
    )
    note = _(
        "Requests disposed or in progress, counted for each staff member they are disposed to."
    )
    return Section("staff", _("Load per staff member"), figures, chart, note, horizontal=True)


def _person(row: dict) -> str:
    """As User.__str__, from the grouped row."""
    full = " ".join(filter(None, [row["staff__first_name"], row["staff__last_name"]]))
    return row["staff__full_name"] or full or row["staff__username"]


def completion(snapshot: Snapshot) -> Section:
    """Completed in the period: how many working days from filing, and how many on time."""
    period = snapshot.period
    done = snapshot.requests.filter(
        completed_at__gte=calendars.start_of(period.start),
        completed_at__lt=calendars.start_of(period.end),
    )
    groups = list(
        done.values_list("unit_id", TruncDate("submitted_at"), TruncDate("completed_at"))
        .annotate(n=Count("id"), on_time=Count("id", filter=completed_on_time()))
        .order_by()
    )
    days = working_days(groups, snapshot)
    total = sum(n for *_days, n, _on_time in groups)
    on_time = sum(on_time for *_days, on_time in groups)
    # The median of whole days is whole or a half: exact as twice itself over two.
    median = Decimal(int(2 * statistics.median(days))) / 2 if days else None
    in_period = {
        "completed_since": period.start.isoformat(),
        "completed_until": period.last_day.isoformat(),
    }
    share = f"{round(100 * on_time / total)}%" if total else "—"
    figures = [
        Figure(_("Completed"), total, in_period),
        Figure(
            _("Median completion time (working days)"),
            "—" if median is None else median,
            in_period,
            count=total,
        ),
        Figure(_("Completed on time"), on_time, {**in_period, "on_time": "yes"}),
        Figure(_("Completed late"), total - on_time, {**in_period, "on_time": "no"}),
        Figure(_("Share completed on time"), share, {**in_period, "on_time": "yes"}, count=on_time),
    ]
    note = _(
        "Working days from the day a request was filed to the day it was completed. On time: "
        "completed on or before its due date (the service's completion time in working days, "
        "moved on by the days it spent returned to its requester)."
    )
    title = _("Completed in %(period)s") % {"period": period}
    return Section("completion", title, figures, note=note)


def working_days(groups: list[tuple], snapshot: Snapshot) -> list[int]:
    """Each request's working days, from groups of (unit, filed, done, count, ...)."""
    if not groups:
        return []
    start = min(group[1] for group in groups)
    end = max(group[2] for group in groups)
    calendar = snapshot.calendars_for(start, end)
    days = []
    for unit_id, filed, done, n, *_rest in groups:
        days += [calendar.working_days(unit_id, filed, done)] * n
    return days


def satisfaction(snapshot: Snapshot) -> Section:
    """The period's IKM, from the survey app's own grouped sums (loket.surveys.reports)."""
    scope = reports.Scope(snapshot.scope.unit)
    period = snapshot.period
    tallies = reports.monthly_tallies(scope.filter(Response.objects.all()), [period])
    population = reports.period_population(snapshot.requests, [period])
    row = reports.fold(tallies, population, period, label=str(snapshot.scope))
    query = {**snapshot.scope.params(), "periode": period.key}
    url = reverse("surveys:report") + "?" + urlencode(query)
    result = row.result
    figures = [
        Figure(_("IKM"), result.ikm if result.answered else "—", url=url),
        Figure(
            _("Grade"),
            f"{result.grade.letter} · {result.grade.label}" if result.grade else "—",
            url=url,
        ),
        Figure(_("Respondents"), result.respondents, url=url),
    ]
    return Section(
        "ikm",
        _("Satisfaction index (IKM), %(period)s") % {"period": period},
        figures,
        links=[(url, _("IKM report"))],
    )


def complaints(snapshot: Snapshot) -> Section:
    """Complaints received in the period, by status now; the overdue ones now; and, as the
    Complaints report counts them, the share answered on time and the median working days from
    filing to the first answer. Only counts: no complainant is named."""
    period, today = snapshot.period, snapshot.today
    filed = snapshot.complaints.filter(
        submitted_at__gte=calendars.start_of(period.start),
        submitted_at__lt=calendars.start_of(period.end),
    )
    given = Q(first_answered_at__isnull=False)
    by_status = (
        filed.values_list("status")
        .annotate(
            n=Count("id"),
            on_time=Count("id", filter=given & Q(answered_on_time=True)),
            due=Count("id", filter=given | Q(answer_due__lt=today)),
        )
        .order_by()
    )
    counts, answers = {}, {"on_time": 0, "due": 0}
    for status, n, on_time, due in by_status:
        counts[status] = n
        if status not in complaint_reports.NOT_HANDLED:  # as the Complaints report counts
            answers["on_time"] += on_time
            answers["due"] += due
    handled = filed.exclude(status__in=complaint_reports.NOT_HANDLED)
    groups = list(
        handled.filter(given)
        .values_list("unit_id", TruncDate("submitted_at"), TruncDate("first_answered_at"))
        .annotate(n=Count("id"))
        .order_by()
    )
    days = working_days(groups, snapshot)
    median = Decimal(int(2 * statistics.median(days))) / 2 if days else None
    share = complaint_reports.Row(
        unit="", service="", on_time=answers["on_time"], due=answers["due"]
    ).on_time_share
    overdue = snapshot.complaints.overdue(today).count()

    def link(**params) -> str:
        query = {**snapshot.scope.params(), **params}
        return reverse("dashboards:complaints") + "?" + urlencode(query, doseq=True)

    in_period = snapshot.in_period()
    figures = [
        Figure(str(label), counts.get(status, 0), url=link(status=status, **in_period))
        for status, label in ComplaintStatus.choices
    ]
    figures += [
        Figure(_("All complaints received"), sum(counts.values()), url=link(**in_period)),
        Figure(_("Open complaints overdue"), overdue, url=link(due="overdue")),
        Figure(
            _("Answered on time"),
            "—" if share is None else f"{share}%",
            url=link(answered="on_time", **in_period),
            count=answers["on_time"],
        ),
        Figure(
            _("Median working days to answer"),
            "—" if median is None else median,
            url=link(answered="yes", **in_period),
            count=len(days),
        ),
    ]
    note = _(
        "Overdue: not verified by its verify-by date, or not answered by its answer-by date. "
        "On time: of the complaints received in the period (not rejected or referred) whose "
        "answer came or was due, those answered by their deadline. Working days from filing to "
        "the first answer."
    )
    report = (
        reverse("complaints:report")
        + "?"
        + urlencode(
            {
                "since": period.start.isoformat(),
                "until": period.last_day.isoformat(),
                **({"unit": snapshot.scope.unit.pk} if snapshot.scope.unit else {}),
            }
        )
    )
    title = _("Complaints received in %(period)s, by status now") % {"period": period}
    return Section(
        "complaints", title, figures, note=note, links=[(report, _("Complaints report"))]
    )


SECTIONS: list[Callable[[Snapshot], Section]] = [
    by_status,
    new_per_week,
    backlog_age,
    deadlines,
    staff_load,
    completion,
    satisfaction,
    complaints,
]


def build(snapshot: Snapshot) -> list[Section]:
    return [section(snapshot) for section in SECTIONS]
