""" "Download my data" as a PDF: the same sections as the JSON, laid out as tables."""

import datetime

from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from weasyprint import HTML

SECTIONS = {
    "profile": _("Profile"),
    "roles": _("Roles"),
    "consents": _("WhatsApp consent"),
    "sign_in": _("Sign-in"),
    "requests": _("Requests"),
    "notifications": _("Notifications"),
    "questionnaire_answers": _("Questionnaire answers"),
    "api_tokens": _("API tokens"),
}


def data_pdf(person, data: dict) -> bytes:
    sections = [(SECTIONS.get(key, key), render_value(value)) for key, value in data.items()]
    html = render_to_string(
        "accounts/my_data_pdf.html",
        {"person": person, "sections": sections, "made_at": timezone.now()},
    )
    return HTML(string=html).write_pdf()  # everything inline: nothing is fetched


def render_value(value) -> SafeString:
    if isinstance(value, dict):
        rows = ((key.replace("_", " "), render_value(v)) for key, v in value.items())
        return format_html(
            "<table>{}</table>", format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
        )
    if isinstance(value, list):
        if not value:
            return format_html("<p class='none'>{}</p>", _("None"))
        items = ((render_value(item),) for item in value)
        return format_html("<ol>{}</ol>", format_html_join("", "<li>{}</li>", items))
    if value is None or value == "":
        return mark_safe("–")
    if isinstance(value, datetime.datetime):
        value = formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    elif isinstance(value, datetime.date):
        value = formats.date_format(value, "DATE_FORMAT")
    elif isinstance(value, bool):
        value = _("yes") if value else _("no")
    return format_html("{}", value)
