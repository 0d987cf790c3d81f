"""Requests built the way the portal builds them: through the workflow functions."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from loket.requests import workflow
from loket.requests.forms import checked_upload


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_file(name: str = "surat-permohonan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def letter(name: str = "surat-permohonan.pdf") -> workflow.Upload:
    return checked_upload(pdf_file(name))


def details(**overrides) -> workflow.Details:
    values = {
        "subject": "Penambahan modul laporan",
        "description": "Mohon ditambahkan modul laporan semester.",
        "letter_number": "123/UN27.1/TI/2026",
        "letter_date": datetime.date(2026, 11, 2),
        "signatory_name": "Dr. Contoh Pimpinan",
        "signatory_position": "Dekan Fakultas Teknik",
        "requesting_unit": "Fakultas Teknik",
        "whatsapp": "+6281234567890",
    }
    return workflow.Details(**{**values, **overrides})


def submit(service, requester, **overrides):
    return workflow.submit(
        service, requester=requester, details=details(**overrides), letter=letter()
    )
