"""docs/whatsapp-templates.md: the Cloud API templates an operator registers at Meta.

Written from loket.notifications.whatsapp_text, the same function that orders the parameters the
worker sends, so the doc and the messages cannot drift apart (a test compares them).
"""

from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.utils import translation

from loket.notifications.channels.whatsapp_cloud import template_name
from loket.notifications.models import Audience, Trigger
from loket.notifications.whatsapp_text import shape

OUTPUT = "docs/whatsapp-templates.md"
MEANINGS = {
    "ticket": "ticket number (e.g. DTIK-2026-000123; a complaint's K-DTIK-2026-000001)",
    "service": "service name",
    "status": "status, in the template's language",
    "link": "link to the request's page (to the questionnaire in `loket_completed_requester`), "
    "or to the complaint's page in the `loket_complaint_…` templates",
    "due": "due date",
}
INTRO = """# WhatsApp templates to register at Meta

<!-- Written by `manage.py whatsapp_templates --write` from loket/notifications/texts.py and
whatsapp_text.py; a test fails when it differs from what the code sends. Do not edit by hand. -->

With `WHATSAPP_BACKEND=cloud`, Loket sends each notification as a template message. Register every
template below in WhatsApp Manager, category **Utility**, in both languages, with exactly this body
text (no header, footer or buttons). The words are those of the e-mail and the Notifikasi page;
the link follows the title ("Rincian: …", "Details: …") because Meta refuses a body that ends
with a parameter. Each template lists what its parameters stand for: Loket sends exactly those,
in that order.

Names are `WHATSAPP_TEMPLATE_PREFIX` (default `loket_`) + `<trigger>_<audience>`;
`WHATSAPP_TEMPLATES` renames any of them and `WHATSAPP_LANGUAGES` maps the languages to
Meta's codes.
These are the templates of the default notification rules. A rule added in the Admin Panel needs a
template too: `manage.py whatsapp_templates` prints those of the rules in your database.
"""


@dataclass(frozen=True)
class Template:
    trigger: str
    audience: str
    language: str
    name: str
    meta_language: str
    text: str
    parameters: tuple[str, ...]


def default_rules() -> list[tuple[str, str]]:
    """The "who is told what" rows every installation starts with."""
    requests = import_module("loket.notifications.migrations.0002_default_rules").DEFAULTS
    complaints = import_module("loket.notifications.migrations.0003_complaint_triggers")
    return [*requests, *complaints.COMPLAINT_DEFAULTS]


def template(trigger: str, audience: str, language: str) -> Template:
    text, parameters = shape(trigger, audience, language)
    code = settings.NOTIFICATIONS["LANGUAGE_CODES"].get(language, language)
    name = template_name(trigger, audience, language)
    return Template(trigger, audience, language, name, code, text, parameters)


def markdown(rules: list[tuple[str, str]] | None = None) -> str:
    lines = [INTRO]
    languages = [code for code, _name in settings.LANGUAGES]
    for trigger, audience in rules or default_rules():
        with translation.override("en"):
            when, who = str(Trigger(trigger).label), str(Audience(audience).label)
        lines += [f"## {template(trigger, audience, languages[0]).name}", ""]
        lines += [f"When: {when}. To: {who}.", ""]
        for language in languages:
            item = template(trigger, audience, language)
            params = "; ".join(
                f"`{{{{{n}}}}}` {MEANINGS[name]}" for n, name in enumerate(item.parameters, 1)
            )
            lines += [f"Language `{item.meta_language}`. Parameters: {params}.", ""]
            lines += ["```text", item.text, "```", ""]
    return "\n".join(lines)
