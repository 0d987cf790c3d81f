"""A message as a WhatsApp Cloud API template: its body with {{1}}.. and the values they stand for.

Meta delivers only registered templates, and checks what is sent against them: exactly as many
parameters as the body has, numbered without gaps, and no parameter at the very start or end of
the body. So the link (which closes the e-mail) follows the title, and each template's parameters
are the values its own words use, numbered in the order they first appear.
docs/whatsapp-templates.md lists every template (`manage.py whatsapp_templates --write`).
"""

import re
from functools import cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import texts
from .models import Trigger

VALUES = ("ticket", "service", "status", "link", "due")
LINK = _("Details: %(link)s")
_MARK = "\x00%s\x00"


def layout(title: str, body: str, link: str) -> str:
    """In the active language. Words between the title's last value and the link: Meta refuses
    two parameters side by side."""
    return f"{title}\n{LINK % {'link': link}}\n\n{body}"


@cache
def shape(trigger: str, audience: str, language: str) -> tuple[str, tuple[str, ...]]:
    """(template body, the names of its parameters in order) in `language`."""
    with translation.override(language):
        marks = {name: _MARK % name for name in VALUES}
        values = {**marks, "what": str(Trigger(trigger).label)}
        title = texts.title(audience, values, trigger=trigger)
        body = texts.body(trigger, audience, values)
        text = layout(title, body, marks["link"])
    order = tuple(dict.fromkeys(re.findall("\x00(\\w+)\x00", text)))
    for number, name in enumerate(order, start=1):
        text = text.replace(marks[name], f"{{{{{number}}}}}")
    return text, order


def parameters(trigger: str, audience: str, language: str, values: dict) -> list[str]:
    return [str(values[name]) for name in shape(trigger, audience, language)[1]]
