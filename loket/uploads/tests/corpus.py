"""Good and bad uploads, built in memory so that no binary fixture is kept in the repository."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

A4 = {"width": 595, "height": 842}


def upload(data: bytes, name: str, content_type: str = "application/pdf") -> SimpleUploadedFile:
    """What Django hands a form; the name and content type are the browser's claims."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def pdf(*, pages: int = 1, change=None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(**A4)
    if change:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf(*, pages: int = 2) -> bytes:
    """A PDF of page images, as a scanner or a phone's scanning app writes it."""
    sheets = [Image.linear_gradient("L").resize((120, 170)) for _ in range(pages)]
    out = io.BytesIO()
    sheets[0].save(out, "PDF", save_all=True, append_images=sheets[1:], resolution=20)
    return out.getvalue()


def action(kind: str, **entries: object) -> DictionaryObject:
    return DictionaryObject({NameObject("/S"): NameObject(kind), **_pdf_entries(entries)})


def _pdf_entries(entries: dict[str, object]) -> dict[NameObject, object]:
    return {NameObject(f"/{key}"): TextStringObject(value) for key, value in entries.items()}


def with_open_action(action_entry: DictionaryObject):
    def change(writer: PdfWriter) -> None:
        writer.root_object[NameObject("/OpenAction")] = action_entry

    return change


def with_page_action(action_entry: DictionaryObject):
    def change(writer: PdfWriter) -> None:
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action_entry})

    return change


def with_document_javascript(writer: PdfWriter) -> None:
    names = ArrayObject([TextStringObject("init"), action("/JavaScript", JS="app.alert(1)")])
    tree = DictionaryObject({NameObject("/Names"): names})
    writer.root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


def with_attachment(writer: PdfWriter) -> None:
    writer.add_attachment("invoice.exe", b"MZ\x90\x00")


def with_encryption(writer: PdfWriter) -> None:
    writer.encrypt(user_password="", owner_password="rahasia")


def image(image_format: str, *, size: tuple[int, int] = (64, 48)) -> bytes:
    # A gradient rather than a flat colour, so that the compressed data is not trivially short.
    picture = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    picture.save(out, image_format)
    return out.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` one-bit pixels: a decompression bomb."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", pixels)
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"\x00" * 512
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + bytes(50)
    + b"This program cannot be run in DOS mode"
)
HTML = b"<!DOCTYPE html><script>alert(1)</script>"
