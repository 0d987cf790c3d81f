"""Charts drawn by the server as SVG geometry; templates turn it into accessible inline SVG."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import ikm
from .periods import ROMAN, Period

# Fills by grade; the word (grade letter, value) is always written beside the colour.
FILLS = {"A": "#1e6b34", "B": "#0b4f9c", "C": "#b26a00", "D": "#a4161a"}
WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 28, 18, 46


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    value: str
    lines: tuple[str, ...]  # the category label, one or two lines

    @property
    def middle(self) -> float:
        return self.x + self.width / 2

    @property
    def end(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Tick:
    position: float
    label: str
    dashed: bool = False


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    title: str
    description: str
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: float = HEIGHT - BOTTOM


def short_label(period: Period) -> tuple[str, ...]:
    if period.kind == "month":
        return (date_format(period.start, "M"), str(period.year))
    if period.kind == "quarter":
        return (pgettext("short", "Q%(n)s") % {"n": ROMAN[period.index - 1]}, str(period.year))
    if period.kind == "semester":
        return (pgettext("short", "Sem. %(n)s") % {"n": ROMAN[period.index - 1]}, str(period.year))
    return (str(period.year),)


def shown(value: Decimal | None) -> str:
    return "—" if value is None else number_format(value, 2)


def trend_chart(points: list[tuple[Period, ikm.Result]]) -> Chart:
    """Columns of the IKM per period on a 0–100 axis, with the grade floors dashed."""
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    bars = []
    for position, (period, result) in enumerate(points):
        value = result.ikm or Decimal(0)
        height = float(value) / 100 * plot_height
        bars.append(
            Bar(
                x=LEFT + position * slot + slot * 0.15,
                y=TOP + plot_height - height,
                width=slot * 0.7,
                height=height,
                fill=FILLS[result.grade.letter] if result.grade else "#d5dde7",
                value=shown(result.ikm),
                lines=short_label(period),
            )
        )
    ticks = [Tick(TOP + plot_height * (1 - n / 100), str(n)) for n in (0, 25, 50, 75, 100)]
    ticks += [
        Tick(TOP + plot_height * (1 - float(g.floor) / 100), g.letter, dashed=True)
        for g in ikm.GRADES[:-1]
    ]
    description = "; ".join(
        f"{period}: {shown(result.ikm)}" + (f" ({result.grade.letter})" if result.grade else "")
        for period, result in points
    )
    return Chart(WIDTH, HEIGHT, bars, ticks, _("IKM per period"), description)


def element_chart(rows) -> Chart:
    """Horizontal bars of each element's NRR on the 1–4 scale, lowest first."""
    label_width, row_height, top = 300, 26, 10
    plot_width = WIDTH - label_width - 60
    height = top + row_height * len(rows) + 26
    bars = [
        Bar(
            x=label_width,
            y=top + position * row_height + 4,
            width=float(row.nrr) / 4 * plot_width,
            height=row_height - 8,
            fill=FILLS[row.grade.letter],
            value=number_format(row.rounded(), 2),
            lines=(f"U{row.element.number} {row.element.name}",),
        )
        for position, row in enumerate(rows)
    ]
    ticks = [Tick(label_width + plot_width * n / 4, str(n)) for n in range(5)]
    description = "; ".join(f"{bar.lines[0]}: {bar.value}" for bar in bars)
    return Chart(
        WIDTH,
        height,
        bars,
        ticks,
        _("Mean score (NRR) per element, lowest first"),
        description,
        left=label_width,
        right_edge=label_width + plot_width,
        baseline=top + row_height * len(rows),
    )


def _axis(largest: int) -> tuple[int, list[int]]:
    """A whole-number axis with four steps that holds `largest`."""
    step = max(1, -(-largest // 4))
    return step * 4, [step * n for n in range(5)]


def count_chart(
    points: list[tuple[tuple[str, ...], int]], *, title: str, fill: str = FILLS["B"]
) -> Chart:
    """Columns of counts (requests per status, per week, per age), each labelled below."""
    plot_height = HEIGHT - TOP - BOTTOM
    top, steps = _axis(max((value for _lines, value in points), default=0))
    slot = (WIDTH - LEFT - RIGHT) / max(len(points), 1)
    bars = []
    for position, (lines, value) in enumerate(points):
        height = value / top * plot_height
        bars.append(
            Bar(
                x=LEFT + position * slot + slot * 0.15,
                y=TOP + plot_height - height,
                width=slot * 0.7,
                height=height,
                fill=fill,
                value=number_format(value),
                lines=lines,
            )
        )
    ticks = [Tick(TOP + plot_height * (1 - n / top), number_format(n)) for n in steps]
    description = "; ".join(f"{' '.join(bar.lines)}: {bar.value}" for bar in bars)
    return Chart(WIDTH, HEIGHT, bars, ticks, title, description)


def count_rows_chart(rows: list[tuple[str, int]], *, title: str, fill: str = FILLS["B"]) -> Chart:
    """Horizontal bars of counts with long labels (per staff member), largest first as given."""
    label_width, row_height, top = 220, 26, 10
    plot_width = WIDTH - label_width - 60
    height = top + row_height * len(rows) + 26
    largest, steps = _axis(max((value for _label, value in rows), default=0))
    bars = [
        Bar(
            x=label_width,
            y=top + position * row_height + 4,
            width=value / largest * plot_width,
            height=row_height - 8,
            fill=fill,
            value=number_format(value),
            lines=(label,),
        )
        for position, (label, value) in enumerate(rows)
    ]
    ticks = [Tick(label_width + plot_width * n / largest, number_format(n)) for n in steps]
    description = "; ".join(f"{bar.lines[0]}: {bar.value}" for bar in bars)
    return Chart(
        WIDTH,
        height,
        bars,
        ticks,
        title,
        description,
        left=label_width,
        right_edge=label_width + plot_width,
        baseline=top + row_height * len(rows),
    )
