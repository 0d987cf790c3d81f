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
    "complaints": _("Complaints"),
    "notifications": _("Notifications"),
    "questionnaire_answers": _("Questionnaire answers"),
    "api_tokens": _("API tokens"),
}


# The JSON's keys, as the PDF's row headings.
KEYS = {
    "username": _("username"),
    "email": _("e-mail"),
    "full_name": _("full name"),
    "first_name": _("first name"),
    "last_name": _("last name"),
    "identity_number": _("identity number (NIM/NIP)"),
    "origin": _("faculty or unit of origin"),
    "whatsapp": _("WhatsApp number"),
    "whatsapp_consent_at": _("agreed to WhatsApp messages at"),
    "language": _("preferred language"),
    "date_joined": _("registered at"),
    "last_login": _("last signed in at"),
    "unit": _("unit"),
    "role": _("role"),
    "since": _("since"),
    "purpose": _("purpose"),
    "agreed": _("agreed"),
    "number": _("WhatsApp number"),
    "text_version": _("wording version"),
    "via": _("given through"),
    "at": _("at"),
    "email_addresses": _("e-mail addresses"),
    "sso_accounts": _("SSO accounts"),
    "two_factor": _("two-factor sign-in"),
    "ticket": _("ticket number"),
    "service": _("service"),
    "status": _("status"),
    "received": _("received"),
    "application": _("application"),
    "subject": _("what is requested"),
    "description": _("description"),
    "desired_features": _("desired features"),
    "letter_number": _("letter number"),
    "letter_date": _("letter date"),
    "signatory_name": _("signed by"),
    "signatory_position": _("signatory's position"),
    "requesting_unit": _("requesting unit"),
    "result_summary": _("result summary"),
    "submitted_at": _("submitted at"),
    "due_date": _("due date"),
    "completed_at": _("completed at"),
    "closed_at": _("closed at"),
    "events": _("timeline"),
    "action": _("action"),
    "by": _("by"),
    "note": _("note"),
    "files": _("files"),
    "kind": _("kind"),
    "name": _("name"),
    "size": _("size"),
    "uploaded_at": _("uploaded at"),
    "deleted_under_retention_at": _("deleted under retention at"),
    "preferences": _("notification preference"),
    "messages": _("messages"),
    "channel": _("channel"),
    "sent_to": _("sent to"),
    "request": _("request"),
    "complaint": _("complaint"),
    "title": _("title"),
    "text": _("text"),
    "queued_at": _("queued at"),
    "read_at": _("read at"),
    "answered_at": _("answered at"),
    "scores": _("scores (U1–U9)"),
    "suggestion": _("suggestion"),
    "starts_with": _("starts with"),
    "created_at": _("created at"),
    "last_used_at": _("last used at"),
    "revoked_at": _("revoked at"),
    "complaint_subject": _("subject of the complaint"),
    "hide_identity": _("identity withheld from the staff"),
    "related_request": _("related request"),
    "answer": _("answer"),
    "referred_unit": _("referred to unit"),
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
        rows = ((KEYS.get(key, key), render_value(v)) for key, v in value.items())
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
