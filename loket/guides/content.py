"""The guides: Markdown files in content/<language>/<role>.md, rendered once per process.

Each section is a level-2 heading ending in `{#anchor}`; the anchor is the same in both languages,
so a help link names a section once and works on Indonesian and English pages alike.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

CONTENT = Path(__file__).resolve().parent / "content"
ANCHOR = re.compile(r"\s*\{#([a-z0-9-]+)\}\s*$")
# Images in the Markdown name a screenshot by file name; the page serves it from static files.
SCREENSHOT_PREFIX = "screenshots/"

# Order of the Panduan page; the slug is the URL (the same in both languages).
ROLES = {
    "pemohon": _("Requester"),
    "admin-unit": _("Unit Admin"),
    "direktur": _("Director"),
    "staf": _("Staff"),
    "superadmin": _("Superadmin"),
}


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str


@dataclass(frozen=True)
class Guide:
    role: str
    language: str
    title: str
    summary: str
    sections: tuple[Section, ...]
    html: str
    images: tuple[str, ...]

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)


class UnknownSection(LookupError):
    """A help link names a guide or section that does not exist."""


def guide(role: str, language: str | None = None) -> Guide:
    if role not in ROLES:
        raise UnknownSection(f"no guide for the role {role!r}")
    language = _language(language)
    path = CONTENT / language / f"{role}.md"
    # Rendered once per process (the files ship with the code); DEBUG re-reads on every change.
    return _render(role, language, path.stat().st_mtime_ns if settings.DEBUG else 0)


def section(role: str, anchor: str, language: str | None = None) -> Section:
    found = guide(role, language).section(anchor)
    if found is None:
        raise UnknownSection(f"the guide {role!r} has no section #{anchor}")
    return found


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _language(language: str | None) -> str:
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in languages() else settings.LANGUAGE_CODE


@cache
def _render(role: str, language: str, _mtime: int) -> Guide:
    source = (CONTENT / language / f"{role}.md").read_text(encoding="utf-8")
    md = MarkdownIt("commonmark", {"typographer": False}).enable("table")
    tokens = md.parse(source)
    title, summary, sections, images = "", "", [], []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            match = ANCHOR.search(inline.content)
            text = ANCHOR.sub("", inline.content)
            if match:
                token.attrSet("id", match.group(1))
                _strip_anchor(inline)
            if token.tag == "h1":
                title = text
            elif token.tag == "h2":
                if not match:
                    raise ValueError(f"{role}.md ({language}): section {text!r} has no {{#anchor}}")
                sections.append(Section(match.group(1), text))
        elif token.type == "paragraph_open" and not summary and title:
            summary = tokens[index + 1].content
        elif token.type == "inline":
            images += _screenshots(token)
    # The page template shows the title as its one h1; the body starts below it.
    first_h2 = next(i for i, t in enumerate(tokens) if t.tag == "h2")
    html = md.renderer.render(tokens[first_h2:], md.options, {})
    return Guide(role, language, title, summary, tuple(sections), html, tuple(images))


def _strip_anchor(inline) -> None:
    inline.content = ANCHOR.sub("", inline.content)
    last = inline.children[-1] if inline.children else None
    if last is not None and last.type == "text":
        last.content = ANCHOR.sub("", last.content)


def _screenshots(inline) -> list[str]:
    """Point screenshot images at the static files; lazy-load them and give their size."""
    found = []
    for child in inline.children or []:
        if child.type == "image":
            src = child.attrGet("src") or ""
            if src.startswith(SCREENSHOT_PREFIX):
                name = src.removeprefix(SCREENSHOT_PREFIX)
                found.append(name)
                child.attrSet("src", static(f"guides/screenshots/{name}"))
                child.attrSet("loading", "lazy")
    return found
