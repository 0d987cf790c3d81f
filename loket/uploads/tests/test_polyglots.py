"""A valid PDF or image with another file glued on is refused; what phones and scanners write
is not."""

import io
import zipfile

import pytest
from PIL import Image

from loket.uploads.checks import check_upload
from loket.uploads.polyglots import has_foreign_content, jpeg_end, png_end
from loket.uploads.tests import corpus

LIMITS = {"max_bytes": 5_000_000, "max_pdf_pages": 50, "max_pixels": 40_000_000}


def zip_archive(comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.html", "<script>alert(document.cookie)</script>")
        archive.comment = comment
    return out.getvalue()


def jpeg_with_thumbnail() -> bytes:
    """A camera's JPEG: an EXIF block holding a whole thumbnail JPEG (with its own end marker)."""
    thumbnail = corpus.image("JPEG", size=(16, 12))
    exif = Image.Exif()
    exif[0x010E] = "Surat permohonan"
    app1 = b"Exif\x00\x00" + exif.tobytes()[6:] + thumbnail
    data = corpus.image("JPEG")
    segment = b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1
    return data[:2] + segment + data[2:]


def progressive_jpeg() -> bytes:
    out = io.BytesIO()
    Image.linear_gradient("L").resize((64, 48)).save(out, "JPEG", progressive=True)
    return out.getvalue()


POLYGLOTS = {
    "PDF + ZIP": (corpus.pdf() + zip_archive(), "surat.pdf"),
    "PDF + ZIP whose comment ends it like a PDF": (
        corpus.pdf() + zip_archive(comment=b"\nstartxref\n9\n%%EOF\n"),
        "surat.pdf",
    ),
    "PDF + HTML": (corpus.pdf() + b"<html><script>alert(1)</script></html>", "surat.pdf"),
    "PNG + HTML": (corpus.image("PNG") + b"<script>alert(1)</script>", "scan.png"),
    "PNG + ZIP": (corpus.image("PNG") + zip_archive(), "scan.png"),
    "JPEG + ZIP": (corpus.image("JPEG") + zip_archive(), "scan.jpg"),
    "JPEG + HTML": (corpus.image("JPEG") + b"\n<html><script>alert(1)</script>", "scan.jpg"),
    "JPEG + PDF": (corpus.image("JPEG") + corpus.pdf(), "scan.jpg"),
}


@pytest.mark.parametrize("case", list(POLYGLOTS))
def test_it_refuses_a_file_with_another_glued_on(case):
    data, name = POLYGLOTS[case]
    with pytest.raises(Exception) as refused:
        check_upload(corpus.upload(data, name), **LIMITS)
    assert refused.value.code == "polyglot"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (corpus.pdf(), "application/pdf"),
        (corpus.pdf() + b"\r\n\x00\x00", "application/pdf"),
        (corpus.scanned_pdf(), "application/pdf"),
        (corpus.image("PNG"), "image/png"),
        (corpus.image("JPEG"), "image/jpeg"),
        (jpeg_with_thumbnail(), "image/jpeg"),
        (progressive_jpeg(), "image/jpeg"),
        # A phone's motion photo: an MP4 after the JPEG's end.
        (corpus.image("JPEG") + b"\x00\x00\x00\x18ftypmp42" + bytes(200), "image/jpeg"),
    ],
)
def test_it_accepts_what_scanners_and_phones_write(data, content_type):
    assert not has_foreign_content(data, content_type=content_type)


def test_it_finds_the_real_end_of_an_image():
    png, jpeg = corpus.image("PNG"), jpeg_with_thumbnail()
    assert png_end(png + b"junk") == len(png)
    assert jpeg_end(jpeg + b"junk") == len(jpeg)
