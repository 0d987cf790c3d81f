"""Files that are two things at once: a valid PDF or image with another file glued on.

A letter is stored and sent back as it came, so a PDF+ZIP or JPEG+HTML polyglot would carry its
second payload to everyone who downloads it. Content after the format's own end is refused
(padding of whitespace and NUL bytes is not content), and so is a file that ends as a ZIP archive
(whose directory sits at the end, where PDF readers and image decoders do not look).
"""

import struct

PADDING = b" \t\r\n\x00\x0c"
# Phones append their own data after a JPEG's end (Samsung's motion photos: an MP4), so a JPEG
# is refused only when what follows is an archive, a document, markup or a program.
FOREIGN_START = (b"pk\x03\x04", b"%pdf-", b"mz", b"\x7felf", b"rar!", b"7z\xbc\xaf", b"\x1f\x8b")
MARKUP = (b"<html", b"<script", b"<?php", b"<svg", b"<!doctype")


def has_foreign_content(data: bytes, *, content_type: str) -> bool:
    if ends_as_zip(data):
        return True
    if content_type == "application/pdf":
        return bool(data[data.rfind(b"%%EOF") + len(b"%%EOF") :].strip(PADDING))
    if content_type == "image/png":
        return bool(data[png_end(data) :].strip(PADDING))
    if content_type == "image/jpeg":
        tail = data[jpeg_end(data) :].lstrip(PADDING).lower()
        return tail.startswith(FOREIGN_START) or any(mark in tail for mark in MARKUP)
    return False


def ends_as_zip(data: bytes) -> bool:
    """A ZIP's end-of-central-directory record, with its comment, ends the file exactly."""
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) - at < 22:
        return False
    (comment_length,) = struct.unpack_from("<H", data, at + 20)
    return at + 22 + comment_length == len(data)


def png_end(data: bytes) -> int:
    """The offset just after the IEND chunk (the whole length if there is none)."""
    at = 8
    while at + 8 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, at)
        at += 12 + length
        if kind == b"IEND":
            return at
    return len(data)


def jpeg_end(data: bytes) -> int:
    """The offset just after the end-of-image marker, found by walking the segments (a marker
    inside the entropy-coded data is always escaped, and an EXIF thumbnail is skipped whole)."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return len(data)
        marker = data[at + 1]
        if marker == 0xD9:
            return at + 2
        if marker == 0xFF or marker == 0x01 or 0xD0 <= marker <= 0xD7:
            at += 1 if marker == 0xFF else 2
            continue
        (length,) = struct.unpack_from(">H", data, at + 2)
        at += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            at = _next_marker(data, at)
    return len(data)


def _next_marker(data: bytes, at: int) -> int:
    while (at := data.find(b"\xff", at)) >= 0 and at + 1 < len(data):
        following = data[at + 1]
        if following != 0x00 and not 0xD0 <= following <= 0xD7:
            return at
        at += 2
    return len(data)
