"""E-mail: HTML and text bodies from templates, in the recipient's language."""

import pytest
from django.core import mail

from loket.notifications.models import Message, State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "subject", "sentence", "opener"),
    [
        ("id", "Permintaan {}: Diajukan", "Permintaan Anda {} untuk Layanan", "Buka:"),
        ("en", "Request {}: Submitted", "Your request {} for Application", "Open:"),
    ],
)
def test_it_sends_html_and_text_in_the_recipients_language(
    worker, submitted, language, subject, sentence, opener
):
    worker.drain()
    (email,) = [m for m in mail.outbox if m.to == ["pemohon@example.ac.id"]]
    assert email.subject == f"[Loket] {subject.format(submitted.ticket)}"
    assert sentence.format(submitted.ticket) in email.body
    assert opener in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert f'lang="{language}"' in html
    assert sentence.format(submitted.ticket) in html
    message = Message.objects.get(channel="email", recipient__username="pemohon")
    assert message.state == State.SENT
    assert message.provider_id == email.extra_headers["Message-ID"]


def test_the_unit_admin_gets_the_new_request_by_email(worker, submitted):
    worker.drain()
    (email,) = [m for m in mail.outbox if m.to == ["adminunit@example.ac.id"]]
    assert "menunggu verifikasi" in email.subject
