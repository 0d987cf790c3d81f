"""The English pages carry no Indonesian interface words, and the catalogue is complete."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "loket" / "locale" / "id" / "LC_MESSAGES" / "django.po"
PAGES = ["/", "/layanan/", "/unit/", "/unit/dtik/", "/pencarian/?q=service", "/tidak-ada/"]


class VisibleText(HTMLParser):
    """Text a person sees or a screen reader reads (content, labels, alt and aria-label).

    Elements marked with another `lang` (the language switch's "Bahasa Indonesia") are skipped.
    """

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style") or attributes.get("lang", "en") != "en" and tag != "html":
            self._skip += 1
            self._skipped_tag = tag
            return
        for name, value in attrs:
            if name in ("aria-label", "alt", "title", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if self._skip and tag in ("script", "style", getattr(self, "_skipped_tag", None)):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def indonesian_strings() -> set[str]:
    with CATALOGUE.open("rb") as po:
        catalog = read_po(po)
    found = set()
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            plain = re.sub(r"%\(\w+\)s", "", text or "").strip(" .:“”")
            if plain and plain not in ids and len(plain) > 3:
                found.update(part.strip() for part in plain.split("  ") if part.strip())
    return found


def test_the_catalogue_has_no_missing_or_fuzzy_entry():
    with CATALOGUE.open("rb") as po:
        catalog = read_po(po)
    missing = [m.id for m in catalog if m.id and (m.fuzzy or not all(_as_tuple(m.string)))]
    assert missing == []


def _as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


@pytest.mark.parametrize("path", PAGES)
def test_english_pages_show_no_indonesian_interface_words(client, service, path, unit):
    response = client.get(f"/en{path}")
    text = visible_text(response.content.decode())
    leftovers = [
        word for word in indonesian_strings() if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    ]
    assert leftovers == []


@pytest.mark.parametrize("path", PAGES)
def test_indonesian_pages_use_the_seeds_words(client, service, path, unit):
    text = visible_text(client.get(path).content.decode())
    for word in ("Halaman Depan", "Layanan", "Pencarian", "Riwayat Saya", "Situs Utama", "Cari"):
        assert word in text
    for english in ("My History", "Main Site", "Sign in", "Skip to content"):
        assert english not in text
