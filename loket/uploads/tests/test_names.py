"""The name stored and shown for an upload: safe whatever the browser sent."""

import pytest

from loket.uploads.checks import check_upload
from loket.uploads.names import safe_name

from . import corpus
from .test_checks import LIMITS


@pytest.mark.parametrize(
    "given",
    [
        "..\\..\\boot.ini",
        "<script>alert(1)</script>.pdf",
        "surat permohonan\x00.pdf.exe",
        'surat"onload=x.pdf',
    ],
)
def test_it_refuses_a_crafted_name(given):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        check_upload(corpus.upload(corpus.pdf(), given), **LIMITS)
    assert refused.value.code == "unsafe_name"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
        ("Surat & Lampiran (final).pdf.exe", "Surat Lampiran (final).pdf"),
    ],
)
def test_it_stores_a_safe_name(given, stored):
    assert check_upload(corpus.upload(corpus.pdf(), given), **LIMITS).name == stored


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("C:\\Users\\budi\\Surat Permohonan.pdf", "Surat Permohonan.pdf"),
        ("<b>surat<b>.pdf", "bsuratb.pdf"),
        ("surat\u202efdp.exe", "suratfdp.pdf"),
        ('O\'Brien & "Co".pdf', "OBrien Co.pdf"),
        ("  Surat \t\n Permohonan   Upgrade .PDF", "Surat Permohonan Upgrade.pdf"),
        (".htaccess", "htaccess.pdf"),
        ("...pdf", "berkas.pdf"),
        ("", "berkas.pdf"),
        ("<>&.pdf", "berkas.pdf"),
        ("Surat Dr. Budi.pdf", "Surat Dr. Budi.pdf"),
        ("Laporan v1.2.pdf", "Laporan v1.2.pdf"),
        ("surat.final", "surat.final.pdf"),
        ("Permohonan – Fakultas Ékonomi.pdf", "Permohonan – Fakultas Ékonomi.pdf"),
    ],
)
def test_it_cleans_names_of_every_kind(given, stored):
    assert safe_name(given, extension=".pdf") == stored


def test_it_does_not_end_a_shortened_name_with_a_dot_or_space():
    assert safe_name("a" * 95 + " .b" + "c" * 50, extension=".pdf") == "a" * 95 + ".pdf"


def test_it_gives_the_extension_of_the_detected_type():
    assert safe_name("scan.jpeg", extension=".png") == "scan.png"
