"""check_upload against a corpus of good and bad files, each named as a browser would send it."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from PIL import ImageFile

from loket.uploads.checks import CheckedFile, check_upload

from . import corpus

LIMITS = {"max_bytes": 5 * 1024 * 1024, "max_pdf_pages": 50, "max_pixels": 40_000_000}


def refusal_code(file, **limits) -> str:
    with pytest.raises(ValidationError) as refused:
        check_upload(file, **(LIMITS | limits))
    return refused.value.code


def test_it_accepts_a_one_page_pdf():
    data = corpus.pdf()
    checked = check_upload(corpus.upload(data, "Surat Permohonan.pdf"), **LIMITS)
    assert checked == CheckedFile(
        name="Surat Permohonan.pdf",
        content_type="application/pdf",
        size=len(data),
        kind="pdf",
        pages=1,
    )


def test_it_accepts_a_scanned_pdf():
    checked = check_upload(corpus.upload(corpus.scanned_pdf(pages=2), "scan.pdf"), **LIMITS)
    assert (checked.name, checked.kind, checked.pages) == ("scan.pdf", "pdf", 2)


@pytest.mark.parametrize(
    ("image_format", "content_type", "name"),
    [("PNG", "image/png", "scan.png"), ("JPEG", "image/jpeg", "scan.jpg")],
)
def test_it_accepts_png_and_jpeg_scans(image_format, content_type, name):
    data = corpus.image(image_format)
    checked = check_upload(corpus.upload(data, "scan.png", "image/png"), **LIMITS)
    assert (checked.name, checked.content_type, checked.kind) == (name, content_type, "image")
    assert (checked.size, checked.pages) == (len(data), None)


def test_it_names_the_extension_after_the_content_not_the_given_name():
    checked = check_upload(corpus.upload(corpus.image("PNG"), "surat.pdf"), **LIMITS)
    assert (checked.name, checked.content_type) == ("surat.png", "image/png")


@pytest.mark.parametrize(
    ("data", "name", "content_type"),
    [
        (corpus.ELF, "letter.pdf", "application/pdf"),
        (corpus.EXE, "letter.pdf", "application/pdf"),
        (corpus.EXE, "scan.jpg", "image/jpeg"),
        (corpus.HTML, "surat.pdf", "application/pdf"),
        (b"GIF89a" + bytes(64), "scan.png", "image/png"),
    ],
)
def test_it_refuses_other_content_whatever_its_name(data, name, content_type):
    assert refusal_code(corpus.upload(data, name, content_type)) == "unsupported_type"


def test_it_refuses_an_image_where_only_pdfs_are_wanted():
    file = corpus.upload(corpus.image("PNG"), "scan.png", "image/png")
    assert refusal_code(file, kinds=frozenset({"pdf"})) == "unsupported_type"


def test_it_lists_the_accepted_types_in_the_refusal():
    with pytest.raises(ValidationError) as refused:
        check_upload(corpus.upload(corpus.ELF, "letter.pdf"), **LIMITS)
    assert refused.value.params == {"allowed": "PDF, PNG, JPG"}


def test_it_refuses_an_empty_file():
    assert refusal_code(corpus.upload(b"", "surat.pdf")) == "empty"


def test_it_refuses_an_oversize_file():
    data = corpus.pdf()
    assert refusal_code(corpus.upload(data, "surat.pdf"), max_bytes=len(data) - 1) == "too_large"
    assert check_upload(corpus.upload(data, "surat.pdf"), **LIMITS | {"max_bytes": len(data)})


class RecordingStream(io.BytesIO):
    """A stream that remembers how many bytes were asked of it."""

    bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def test_it_reads_no_more_than_the_limit_of_a_file_of_unknown_size():
    stream = RecordingStream(b"%PDF-" + bytes(10_000))
    file = UploadedFile(stream, name="surat.pdf", content_type="application/pdf", size=None)
    assert refusal_code(file, max_bytes=1000) == "too_large"
    assert stream.bytes_read <= 1001


def test_it_refuses_an_encrypted_pdf():
    data = corpus.pdf(change=corpus.with_encryption)
    assert refusal_code(corpus.upload(data, "surat.pdf")) == "pdf_encrypted"


def test_it_refuses_a_truncated_pdf():
    data = corpus.pdf()
    assert refusal_code(corpus.upload(data[: len(data) // 2], "surat.pdf")) == "pdf_damaged"


def test_it_refuses_a_truncated_pdf_given_a_new_end_marker():
    data = corpus.pdf(pages=3)
    cut = data[: len(data) // 2] + b"\n%%EOF\n"
    assert refusal_code(corpus.upload(cut, "surat.pdf")) == "pdf_damaged"


def test_it_refuses_a_pdf_header_on_garbage():
    assert (
        refusal_code(corpus.upload(b"%PDF-1.7\n" + bytes(200) + b"%%EOF", "a.pdf")) == "pdf_damaged"
    )


@pytest.mark.parametrize(
    "change",
    [
        corpus.with_open_action(corpus.action("/JavaScript", JS="app.alert(1)")),
        corpus.with_page_action(corpus.action("/JavaScript", JS="app.alert(1)")),
        corpus.with_document_javascript,
    ],
    ids=["open action", "page action", "document script"],
)
def test_it_refuses_a_pdf_with_javascript(change):
    data = corpus.pdf(change=change)
    assert refusal_code(corpus.upload(data, "surat.pdf")) == "pdf_javascript"


def test_it_refuses_a_pdf_with_a_launch_action():
    change = corpus.with_open_action(corpus.action("/Launch", F="calc.exe"))
    data = corpus.pdf(change=change)
    assert refusal_code(corpus.upload(data, "surat.pdf")) == "pdf_launch"


def test_it_refuses_a_pdf_with_an_embedded_file():
    data = corpus.pdf(change=corpus.with_attachment)
    assert refusal_code(corpus.upload(data, "surat.pdf")) == "pdf_embedded_file"


def test_it_accepts_a_pdf_with_an_ordinary_link():
    change = corpus.with_open_action(corpus.action("/URI", URI="https://example.ac.id/"))
    checked = check_upload(corpus.upload(corpus.pdf(change=change), "surat.pdf"), **LIMITS)
    assert checked.kind == "pdf"


def test_it_refuses_a_pdf_with_too_many_pages():
    data = corpus.pdf(pages=3)
    assert refusal_code(corpus.upload(data, "surat.pdf"), max_pdf_pages=2) == "pdf_too_many_pages"
    assert (
        check_upload(corpus.upload(data, "surat.pdf"), **LIMITS | {"max_pdf_pages": 3}).pages == 3
    )


def test_it_refuses_a_png_decompression_bomb():
    data = corpus.png_declaring(50_000, 50_000)
    assert len(data) < 200
    assert refusal_code(corpus.upload(data, "scan.png", "image/png")) == "image_too_large"


def test_it_refuses_an_image_beyond_its_own_pixel_limit():
    file = corpus.upload(corpus.image("PNG", size=(20, 20)), "scan.png", "image/png")
    assert refusal_code(file, max_pixels=399) == "image_too_large"


def test_it_refuses_an_image_beyond_pillows_limit_even_with_a_higher_own_limit():
    data = corpus.png_declaring(10_000, 10_000)
    file = corpus.upload(data, "scan.png", "image/png")
    assert refusal_code(file, max_pixels=10**10) == "image_too_large"


def truncated(image_format: str) -> bytes:
    data = corpus.image(image_format, size=(400, 300))
    return data[: len(data) * 2 // 3]


def corrupted_png() -> bytes:
    data = bytearray(corpus.image("PNG"))
    data[40] ^= 0xFF
    return bytes(data)


DAMAGED_IMAGES = {
    "truncated JPEG": truncated("JPEG"),
    "truncated PNG": truncated("PNG"),
    "PNG with a bad checksum": corrupted_png(),
}


@pytest.mark.parametrize("data", DAMAGED_IMAGES.values(), ids=DAMAGED_IMAGES.keys())
def test_it_refuses_a_damaged_image(data):
    assert refusal_code(corpus.upload(data, "scan.jpg", "image/jpeg")) == "image_damaged"


@pytest.mark.parametrize("data", DAMAGED_IMAGES.values(), ids=DAMAGED_IMAGES.keys())
def test_it_refuses_a_damaged_image_after_weasyprint_allowed_them(data):
    import weasyprint  # noqa: F401  (receipts import it; it sets LOAD_TRUNCATED_IMAGES)

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    assert refusal_code(corpus.upload(data, "scan.jpg", "image/jpeg")) == "image_damaged"
    assert ImageFile.LOAD_TRUNCATED_IMAGES


@pytest.mark.parametrize(
    "data", [corpus.pdf(), corpus.ELF, corpus.pdf(change=corpus.with_encryption)]
)
def test_it_leaves_the_file_at_its_start(data):
    file = corpus.upload(data, "surat.pdf")
    file.read(3)
    try:
        check_upload(file, **LIMITS)
    except ValidationError:
        pass
    assert file.tell() == 0
