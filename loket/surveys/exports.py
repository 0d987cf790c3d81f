"""The report as a workbook (openpyxl) and as a PDF laid out like an SKM report (WeasyPrint)."""

import io

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Font
from weasyprint import HTML

from . import charts, ikm
from .forms import PROFILE_LABELS
from .reports import Report, Row

# The public's suggestions of the period, newest first, up to these many per file.
XLSX_SUGGESTIONS = 10_000
PDF_SUGGESTIONS = 300


def filename(report: Report, extension: str) -> str:
    where = report.scope.service.slug if report.scope.service else None
    where = where or (report.scope.unit.slug if report.scope.unit else "universitas")
    return f"skm-{where}-{report.period.key}.{extension}"


def _text(cell: Cell, value: str) -> Cell:
    # Answers are the public's words: a suggestion starting with "=" stays text, never a formula.
    cell.value = value
    cell.data_type = "s"
    return cell


def _sheet(book: Workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([None if isinstance(v, str) else v for v in row])
        for column, value in enumerate(row, start=1):
            if isinstance(value, str):
                _text(sheet.cell(row=sheet.max_row, column=column), value)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 80)


def _row_values(row: Row) -> list:
    result = row.result
    return [
        row.label,
        result.respondents,
        row.population,
        row.minimum,
        result.ikm,
        result.grade.letter if result.grade else "",
        str(result.grade.label) if result.grade else "",
    ]


def xlsx(report: Report) -> bytes:
    book = Workbook()
    book.remove(book.active)
    group = [_("Group"), _("Respondents"), _("Requests completed"), _("Minimum respondents")]
    group += [_("IKM"), _("Grade"), _("Service quality")]
    summary = [[_("Report"), str(report.scope)], [_("Period"), str(report.period)]]
    values = _row_values(report.summary)
    summary += [[label, value] for label, value in zip(group[1:], values[1:], strict=True)]
    _sheet(book, _("Summary"), [_("Satisfaction survey (SKM)"), ""], summary)
    header = [_("Element"), _("Name"), "NRR", _("NRR × 1/9"), _("Converted (×25)"), _("Grade")]
    _sheet(
        book,
        _("Elements"),
        header,
        [
            [f"U{r.element.number}", r.element.name, r.rounded(3), r.weighted_rounded, r.converted]
            + [r.grade.letter]
            for r in report.elements
        ],
    )
    _sheet(book, _("Trend"), group, [_row_values(row) for _period, row in report.trend])
    if report.breakdown:
        _sheet(book, _("Breakdown"), group, [_row_values(row) for row in report.breakdown])
    _sheet(
        book,
        _("Suggestions"),
        [_("Date"), _("Service"), _("Suggestion")],
        [
            [timezone.localtime(r.answered_at).date(), r.service.name, r.suggestion]
            for r in report.suggestions
        ],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def pdf(report: Report) -> bytes:
    html = render_to_string(
        "surveys/report_pdf.html",
        {
            "report": report,
            "trend_chart": charts.trend_chart([(p, row.result) for p, row in report.trend]),
            "element_chart": charts.element_chart(report.lowest_first),
            "printed_at": timezone.localtime(),
            "profile": [(PROFILE_LABELS[name], counts) for name, counts in report.profile.items()],
            "grades": ikm.GRADES,
        },
    )
    # No base_url: the report embeds everything it needs and fetches nothing.
    return HTML(string=html).write_pdf()
