"""The dashboard as a PDF (WeasyPrint) for a meeting or the unit's paper file."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from . import figures


def dashboard_pdf(snapshot: figures.Snapshot) -> bytes:
    html = render_to_string(
        "dashboards/index_pdf.html",
        {
            "snapshot": snapshot,
            "sections": figures.build(snapshot),
            "printed_at": timezone.localtime(),
        },
    )
    # No base_url: the page embeds everything it needs and fetches nothing.
    return HTML(string=html).write_pdf()
