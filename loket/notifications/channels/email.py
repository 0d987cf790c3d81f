"""E-mail: HTML and text bodies from templates, in the recipient's language."""

import smtplib
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from . import Channel, SendError


class EmailChannel(Channel):
    def send(self, message) -> str:
        email = self.compose(message)
        try:
            email.send()
        except smtplib.SMTPRecipientsRefused as error:
            raise SendError(f"address refused: {error}", permanent=True) from error
        except (smtplib.SMTPException, OSError) as error:
            raise SendError(f"mail server: {error}") from error
        return email.extra_headers["Message-ID"]

    def compose(self, message) -> EmailMultiAlternatives:
        context = {"message": message, "site_name": settings.SITE_NAME}
        with translation.override(message.language):
            text = render_to_string("notifications/email/message.txt", context)
            html = render_to_string("notifications/email/message.html", context)
        email = EmailMultiAlternatives(
            subject=f"[{settings.SITE_NAME}] {message.title}",
            body=text,
            to=[message.address],
            headers={
                "Message-ID": make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "loket")
            },
        )
        email.attach_alternative(html, "text/html")
        return email


def channel() -> Channel:
    return EmailChannel()
