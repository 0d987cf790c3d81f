"""File names that are safe to store, show and send back in a Content-Disposition header."""

import re
import unicodedata

MAX_LENGTH = 100
# A FileField holds at most 100 characters with its folders; the full name is kept beside it.
STORED_LENGTH = 40
FALLBACK = "berkas"
UNSAFE = re.compile(r"""[<>"'&`:*?|]""")
# Stripped from the end of a given name, so that "surat.pdf.exe" does not become "surat.pdf.pdf"
# and the only extension left is the one of the type found in the content.
KNOWN_EXTENSIONS = frozenset(
    "pdf png jpg jpeg jpe jfif gif bmp tif tiff webp heic svg doc docx odt rtf txt xls xlsx "
    "zip rar 7z gz exe com bat cmd scr msi dll js vbs ps1 sh html htm php".split()
)


# A browser sends a file's own name; these only appear in a crafted upload, so it is refused.
CRAFTED = re.compile(r"""[/\\<>"]|[\x00-\x1f\x7f]""")


def name_is_plain(given: str) -> bool:
    """No directory parts, markup or control characters: a name a person gave a file."""
    return not CRAFTED.search(given)


def safe_name(given: str, *, extension: str) -> str:
    """`given` without directories, control or markup characters, ending in `extension`."""
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", given)[-1])
    name = "".join(_visible(c) for c in name)
    name = " ".join(UNSAFE.sub("", name).split())
    stem = _without_extensions(name).strip(" .")
    stem = stem[: MAX_LENGTH - len(extension)].rstrip(" .")
    return f"{stem or FALLBACK}{extension}"


def _visible(char: str) -> str:
    if char.isspace():
        return " "
    # Control, format (such as the right-to-left override that disguises "fdp.exe"), private-use
    # and unassigned characters.
    return "" if unicodedata.category(char).startswith("C") else char


def _without_extensions(name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    while dot and suffix.strip().lower() in KNOWN_EXTENSIONS:
        name = stem
        stem, dot, suffix = name.rpartition(".")
    return name


def stored_name(filename: str) -> str:
    """The name a file is stored under: short enough for its folder path (room left for the
    storage's suffix on a name clash); the extension is kept."""
    stem, dot, extension = filename.rpartition(".")
    if dot and len(filename) > STORED_LENGTH:
        return f"{stem[: STORED_LENGTH - len(extension) - 1]}.{extension}"
    return filename
