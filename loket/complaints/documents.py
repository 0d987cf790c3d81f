"""The complaint's receipt (tanda terima): a PDF with a QR code to the complaint's page."""

from django.template.loader import render_to_string
from weasyprint import HTML

from loket.requests.documents import page_url, qr_svg_data_uri

from .models import Complaint


def receipt_pdf(complaint: Complaint, *, complainant: str) -> bytes:
    url = page_url(complaint)
    html = render_to_string(
        "complaints/receipt.html",
        {
            "complaint": complaint,
            "complainant": complainant,
            "url": url,
            "qr": qr_svg_data_uri(url),
        },
    )
    return HTML(string=html).write_pdf()
