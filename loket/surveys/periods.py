"""Reporting periods: month, quarter (triwulan), semester and year, built from months."""

import datetime
import re
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# kind: (months in one period, how many periods the trend shows)
KINDS = {"month": (1, 12), "quarter": (3, 8), "semester": (6, 6), "year": (12, 5)}
KIND_LABELS = {
    "month": pgettext_lazy("period", "Month"),
    "quarter": pgettext_lazy("period", "Quarter"),
    "semester": pgettext_lazy("period", "Semester"),
    "year": pgettext_lazy("period", "Year"),
}
ROMAN = ("I", "II", "III", "IV")
KEY = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})|Q(?P<quarter>[1-4])|S(?P<semester>[12])))?$"
)


@dataclass(frozen=True, order=True)
class Period:
    year: int
    first_month: int
    kind: str

    @property
    def months(self) -> int:
        return KINDS[self.kind][0]

    @property
    def index(self) -> int:
        """1-based position within the year (month number, quarter, semester)."""
        return (self.first_month - 1) // self.months + 1

    @property
    def key(self) -> str:
        return {
            "month": f"{self.year}-{self.first_month:02d}",
            "quarter": f"{self.year}-Q{self.index}",
            "semester": f"{self.year}-S{self.index}",
            "year": f"{self.year}",
        }[self.kind]

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, self.first_month, 1)

    @property
    def end(self) -> datetime.date:
        """The first day after the period."""
        return self.shift(1).start

    @property
    def last_day(self) -> datetime.date:
        return self.end - datetime.timedelta(days=1)

    def shift(self, periods: int) -> "Period":
        months = self.year * 12 + self.first_month - 1 + periods * self.months
        return Period(months // 12, months % 12 + 1, self.kind)

    def trend(self) -> list["Period"]:
        """This period and the ones before it, oldest first."""
        length = KINDS[self.kind][1]
        return [self.shift(-back) for back in range(length - 1, -1, -1)]

    def __str__(self) -> str:
        if self.kind == "month":
            return date_format(self.start, "F Y")
        if self.kind == "quarter":
            return _("Quarter %(n)s %(year)s") % {"n": ROMAN[self.index - 1], "year": self.year}
        if self.kind == "semester":
            return _("Semester %(n)s %(year)s") % {"n": ROMAN[self.index - 1], "year": self.year}
        return str(self.year)


def containing(day: datetime.date, kind: str) -> Period:
    months = KINDS[kind][0]
    return Period(day.year, (day.month - 1) // months * months + 1, kind)


def parse(key: str) -> Period | None:
    """ "2026-03", "2026-Q1", "2026-S2" or "2026"; None for anything else."""
    found = KEY.match(key or "")
    if not found:
        return None
    year = int(found["year"])
    if not 1900 <= year <= 2999:
        return None
    if found["month"]:
        month = int(found["month"])
        return Period(year, month, "month") if 1 <= month <= 12 else None
    if found["quarter"]:
        return Period(year, (int(found["quarter"]) - 1) * 3 + 1, "quarter")
    if found["semester"]:
        return Period(year, (int(found["semester"]) - 1) * 6 + 1, "semester")
    return Period(year, 1, "year")
