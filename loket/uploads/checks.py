"""Upload checks by content: the name and content type a browser sends are never trusted."""

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from .errors import refusal
from .images import check_image
from .names import name_is_plain, safe_name
from .pdfs import check_pdf
from .polyglots import has_foreign_content

ALL_KINDS = frozenset({"pdf", "image"})


@dataclass(frozen=True)
class FileType:
    """An accepted type, recognised by the bytes its content starts with."""

    kind: str
    content_type: str
    extension: str
    signature: bytes
    image_format: str = ""


FILE_TYPES = (
    FileType("pdf", "application/pdf", ".pdf", b"%PDF-"),
    FileType("image", "image/png", ".png", b"\x89PNG\r\n\x1a\n", "PNG"),
    FileType("image", "image/jpeg", ".jpg", b"\xff\xd8\xff", "JPEG"),
)


@dataclass(frozen=True)
class CheckedFile:
    """What an upload turned out to be; `name` is safe to store, show and send back."""

    name: str
    content_type: str
    size: int
    kind: str
    pages: int | None


def check_upload(
    file: UploadedFile,
    *,
    kinds: frozenset[str] = ALL_KINDS,
    max_bytes: int,
    max_pdf_pages: int,
    max_pixels: int,
) -> CheckedFile:
    """What `file` really is, or a ValidationError (with a code from `errors.MESSAGES`)."""
    if not name_is_plain(file.name or ""):
        raise refusal("unsafe_name")
    try:
        data = read_within(file, max_bytes=max_bytes)
        file_type = detect_type(data, kinds=kinds)
        pages = None
        if file_type.kind == "pdf":
            pages = check_pdf(data, max_pages=max_pdf_pages)
        else:
            check_image(data, image_format=file_type.image_format, max_pixels=max_pixels)
        if has_foreign_content(data, content_type=file_type.content_type):
            raise refusal("polyglot")
    finally:
        file.seek(0)
    return CheckedFile(
        name=safe_name(file.name or "", extension=file_type.extension),
        content_type=file_type.content_type,
        size=len(data),
        kind=file_type.kind,
        pages=pages,
    )


def read_within(file: UploadedFile, *, max_bytes: int) -> bytes:
    """The whole content, reading at most one byte beyond the limit."""
    if file.size is not None and file.size > max_bytes:
        raise refusal("too_large", limit=filesizeformat(max_bytes))
    file.seek(0)
    data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise refusal("too_large", limit=filesizeformat(max_bytes))
    if not data:
        raise refusal("empty")
    return data


def detect_type(data: bytes, *, kinds: frozenset[str]) -> FileType:
    for file_type in FILE_TYPES:
        if file_type.kind in kinds and data.startswith(file_type.signature):
            return file_type
    allowed = ", ".join(t.extension[1:].upper() for t in FILE_TYPES if t.kind in kinds)
    raise refusal("unsupported_type", allowed=allowed)
