"""Printable documents: the receipt (tanda terima) as PDF with a QR code to the request's page."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from .models import ServiceRequest


def page_url(req: ServiceRequest) -> str:
    return settings.SITE_URL.rstrip("/") + req.get_absolute_url()


def qr_svg_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def receipt_pdf(req: ServiceRequest) -> bytes:
    url = page_url(req)
    html = render_to_string(
        "requests/receipt.html",
        {"req": req, "url": url, "qr": qr_svg_data_uri(url), "letter": req.current_letter},
    )
    # No base_url: the receipt embeds everything it needs and fetches nothing.
    return HTML(string=html).write_pdf()


def disposition_sheet_pdf(req: ServiceRequest, dispositions) -> bytes:
    """The lembar disposisi for the unit's paper file, as the printable page shows it."""
    html = render_to_string(
        "requests/disposition_sheet_pdf.html", {"req": req, "dispositions": dispositions}
    )
    return HTML(string=html).write_pdf()
