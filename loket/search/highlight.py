"""Safe highlighting: the text is escaped first, then the found words are marked.

Matching ignores case and accents ("Gedung" marks "gédung"), as the search itself does. Each
character is folded on its own, so positions in the folded text are positions in the original.
"""

import unicodedata
from html import escape  # what django.utils.html.escape does, without its check for lazy text

from django.utils.safestring import SafeString, mark_safe

MIN_TERM = 2


def fold(text: str) -> str:
    if text.isascii():  # most text: nothing to unaccent, and lower() keeps every position
        return text.lower()
    return "".join(_fold_char(char) for char in text)


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    return base if len(base) == 1 else char


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in `text`, overlapping occurrences merged, in order."""
    folded = fold(text)
    found = []
    for term in {fold(t) for t in terms if len(t) >= MIN_TERM}:
        start = folded.find(term)
        while start != -1:
            found.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: list[str]) -> SafeString:
    text = str(text or "")
    parts, position = [], 0
    for start, end in spans(text, terms):
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def excerpt(text: str, terms: list[str], *, width: int = 160) -> SafeString:
    """About `width` characters of `text` around its first found word, highlighted."""
    text = " ".join(str(text or "").split())
    found = spans(text, terms)
    start = max(0, found[0][0] - width // 3) if found else 0
    if start and (space := text.find(" ", start, found[0][0])) != -1:
        start = space + 1  # begin at a word, not inside one
    piece = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    return mark_safe(prefix + highlight(piece, terms) + suffix)
