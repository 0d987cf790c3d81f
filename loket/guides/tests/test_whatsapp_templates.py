"""Acceptance 3: the WhatsApp templates in the operator's guide are what the code sends."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation

from loket.accounts.tests.factories import UserFactory
from loket.complaints import workflow as complaints
from loket.guides import whatsapp
from loket.notifications import outbox
from loket.notifications.channels.whatsapp_cloud import payload
from loket.notifications.models import ChannelKind, Rule
from loket.notifications.whatsapp_text import layout

pytestmark = pytest.mark.django_db
DOC = Path(settings.BASE_DIR) / whatsapp.OUTPUT
ENTRY = re.compile(
    r"^## (?P<name>\S+)\n.*?Language `(?P<id_code>[^`]+)`[^\n]*\n\n```text\n(?P<id>.*?)\n```"
    r"\n\nLanguage `(?P<en_code>[^`]+)`[^\n]*\n\n```text\n(?P<en>.*?)\n```",
    re.S | re.M,
)


def documented() -> dict[tuple[str, str], str]:
    """(template name, Meta language code) -> body text, as an operator reads them."""
    found = {}
    for match in ENTRY.finditer(DOC.read_text(encoding="utf-8")):
        for language in ("id", "en"):
            found[(match["name"], match[f"{language}_code"])] = match[language]
    return found


@pytest.fixture
def complaint(service, requester):
    details = complaints.Details(
        subject="Antrean terlalu lama",
        description="Saya menunggu dua jam.",
        hide_identity=False,
        related_request=None,
    )
    return complaints.submit(service, complainant=requester, details=details, files=[])


def test_the_committed_doc_is_what_the_command_writes_now():
    assert DOC.read_text(encoding="utf-8") == whatsapp.markdown(), (
        "docs/whatsapp-templates.md is out of date: run manage.py whatsapp_templates --write"
    )


@pytest.mark.parametrize(("trigger", "audience"), whatsapp.default_rules())
@pytest.mark.parametrize("language", ["id", "en"])
def test_each_documented_template_filled_in_is_the_message_the_code_sends(
    submitted, complaint, trigger, audience, language
):
    person = UserFactory(
        language=language, whatsapp="+6281234567890", whatsapp_consent_at=timezone.now()
    )
    rule = Rule(trigger=trigger, audience=audience, by_email=False)
    about = complaint if trigger.startswith("complaint_") else submitted
    messages = outbox._compose(rule, person, about, event=None, note="")
    (sent,) = [m for m in messages if m.channel == ChannelKind.WHATSAPP]
    cloud = payload(sent)["template"]
    text = documented()[(cloud["name"], cloud["language"]["code"])]
    values = [p["text"] for p in cloud["components"][0]["parameters"]]

    filled = re.sub(r"\{\{(\d)\}\}", lambda m: values[int(m[1]) - 1], text)

    with translation.override(language):
        assert filled == layout(sent.title, sent.body, sent.link)
    if about is complaint:
        assert sent.link.endswith(complaint.get_absolute_url())
    assert sorted(set(re.findall(r"\{\{\d\}\}", text))) == [
        f"{{{{{n}}}}}" for n in range(1, len(values) + 1)
    ], "the template must use every parameter the code sends, and no other"
    assert not re.match(r"\{\{", text) and not re.search(r"\}\}\s*$", text), (
        "Meta refuses a template that starts or ends with a parameter"
    )
    assert not re.search(r"\}\}\s*\{\{", text), "Meta refuses two parameters side by side"


def test_the_doc_lists_every_default_rule_in_both_languages():
    assert len(documented()) == 2 * len(whatsapp.default_rules())


def test_the_doc_lists_the_complaint_messages_in_the_complaint_words():
    names = {name for name, _code in documented()}
    for trigger, audience in [
        ("complaint_received", "requester"),
        ("complaint_answered", "requester"),
        ("complaint_received", "unit_admin"),
        ("complaint_assigned", "assigned_staff"),
        ("complaint_escalated", "director"),
    ]:
        assert f"loket_{trigger}_{audience}" in names
    entry = documented()[("loket_complaint_answered_requester", "en")]
    assert entry.startswith("Complaint {{1}}: {{2}}\n"), entry
    assert "Your complaint {{1}} about {{4}} has been answered." in entry


def test_the_command_prints_the_templates_of_the_rules_in_the_database(capsys):
    Rule.objects.create(trigger="verified", audience="director")
    call_command("whatsapp_templates")
    printed = capsys.readouterr().out
    assert "## loket_verified_director" in printed
    assert "Request {{1}} for {{3}}: Verified. Its status is {{4}}." in printed
