"""PDF letters: readable, unencrypted, within a page limit, and without active content."""

import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

from .errors import refusal

JAVASCRIPT_KEYS = frozenset({"/JS", "/JavaScript", "/XFA"})  # XFA forms carry their own scripts
EMBEDDED_FILE_KEYS = frozenset({"/EmbeddedFiles", "/EF"})


def check_pdf(data: bytes, *, max_pages: int) -> int:
    """The number of pages of an acceptable PDF; raises ValidationError otherwise."""
    # Tolerant parsing accepts the slightly malformed cross-reference tables many scanners
    # write; a truncated file still fails, as it has lost its end-of-file marker.
    if b"%%EOF" not in data[-1024:]:
        raise refusal("pdf_damaged")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
        found = None if encrypted or pages > max_pages else active_content(reader)
    except Exception as error:  # a malformed PDF can make the parser raise almost anything
        raise refusal("pdf_damaged") from error
    if encrypted:
        raise refusal("pdf_encrypted")
    if pages == 0:
        raise refusal("pdf_damaged")
    if pages > max_pages:
        raise refusal("pdf_too_many_pages", pages=pages, limit=max_pages)
    if found:
        raise refusal(found)
    return pages


def active_content(reader: PdfReader) -> str | None:
    """The refusal code of the first active content reachable from the trailer, if any.

    Every object is visited, not only the catalogue's /OpenAction and /Names, because scripts
    and launch actions also hide in page /AA entries, link annotations and form fields.
    """
    seen: set[tuple[int, int]] = set()
    pending: list[PdfObject] = [reader.trailer]
    while pending:
        obj = pending.pop()
        if isinstance(obj, IndirectObject):
            if (obj.idnum, obj.generation) not in seen:
                seen.add((obj.idnum, obj.generation))
                pending.append(obj.get_object())
        elif isinstance(obj, DictionaryObject):
            if found := _active_entry(obj):
                return found
            pending.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            pending.extend(obj)
    return None


def _active_entry(entry: DictionaryObject) -> str | None:
    keys = entry.keys()
    action = _resolved(entry.get("/S"))
    if keys & JAVASCRIPT_KEYS or action == "/JavaScript":
        return "pdf_javascript"
    if action == "/Launch":
        return "pdf_launch"
    if keys & EMBEDDED_FILE_KEYS or _resolved(entry.get("/Type")) == "/EmbeddedFile":
        return "pdf_embedded_file"
    return None


def _resolved(value: PdfObject | None) -> PdfObject | None:
    return value.get_object() if value is not None else None
