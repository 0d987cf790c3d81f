"""Any list of requests as CSV or XLSX, read from the database in chunks.

CSV starts with a UTF-8 byte order mark, so that spreadsheet programs read Indonesian text as
UTF-8, and a text cell that starts with = + - @ (or a tab or carriage return) gets a leading
apostrophe, so that no spreadsheet runs it as a formula. In XLSX every text is written as a text
cell, which a spreadsheet never evaluates, so it keeps its exact words.
"""

import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from loket.requests.models import ServiceRequest

FORMATS = ("csv", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 2000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    title: object  # a lazily translated header
    value: Callable[[ServiceRequest], object]


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


COLUMNS = [
    Column(gettext_lazy("Ticket number"), lambda req: req.ticket),
    Column(gettext_lazy("Unit"), lambda req: req.unit.name),
    Column(gettext_lazy("Service"), lambda req: req.service.name),
    Column(gettext_lazy("What is requested"), lambda req: req.subject),
    Column(gettext_lazy("Requesting unit"), lambda req: req.requesting_unit),
    Column(gettext_lazy("Requester"), lambda req: str(req.requester)),
    Column(gettext_lazy("Status"), lambda req: req.get_status_display()),
    Column(gettext_lazy("Submitted at"), lambda req: _local(req.submitted_at)),
    Column(gettext_lazy("Due date"), lambda req: req.due_date),
    Column(gettext_lazy("Completed at"), lambda req: _local(req.completed_at)),
]


def rows_of(found: QuerySet[ServiceRequest]) -> Iterator[list]:
    """Each request as a row, read CHUNK at a time (no per-row query)."""
    found = found.select_related("unit", "service", "requester")
    for req in found.iterator(chunk_size=CHUNK):
        yield [column.value(req) for column in COLUMNS]


def header() -> list[str]:
    return [str(column.title) for column in COLUMNS]


def safe_text(value) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header())
    for row in rows:
        yield writer.writerow(
            ["" if v is None else safe_text(v if isinstance(v, str) else str(v)) for v in row]
        )


def xlsx_file(rows: Iterable[list], *, title: str):
    """A write-only workbook, spooled to a temporary file rather than held in memory."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    bold = Font(bold=True)
    cells = []
    for text in header():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    out = tempfile.TemporaryFile()
    book.save(out)
    out.seek(0)
    return out


def _xlsx_cell(sheet, value):
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # text, never a formula, whatever it starts with
    return cell


def response(found: QuerySet[ServiceRequest], *, fmt: str, name: str):
    """The requests of `found` as a download named `name`.csv or .xlsx."""
    stamp = timezone.localdate().isoformat()
    filename = f"{name}-{stamp}.{fmt}"
    if fmt == "csv":
        streamed = StreamingHttpResponse(
            csv_lines(rows_of(found)), content_type="text/csv; charset=utf-8"
        )
        streamed["Content-Disposition"] = f'attachment; filename="{filename}"'
        return streamed
    return FileResponse(
        xlsx_file(rows_of(found), title=_("Requests")),
        as_attachment=True,
        filename=filename,
        content_type=XLSX,
    )
