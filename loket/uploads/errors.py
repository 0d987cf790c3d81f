"""Every refusal of an upload: a stable code for programs and a message for people."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "empty": _("The file is empty."),
    "unsafe_name": _(
        "The file name contains characters that are not accepted (such as / \\ < >). "
        "Rename the file and upload it again."
    ),
    "too_large": _("The file is larger than the limit of %(limit)s."),
    "unsupported_type": _("This type of file is not accepted. Accepted types: %(allowed)s."),
    "pdf_damaged": _(
        "The PDF could not be read: it may be damaged or incomplete. "
        "Save or print it as a PDF again and upload the new file."
    ),
    "pdf_encrypted": _(
        "The PDF is encrypted or protected with a password. Upload a copy without protection."
    ),
    "pdf_too_many_pages": _("The PDF has %(pages)d pages; at most %(limit)d are accepted."),
    "pdf_javascript": _(
        "The PDF contains JavaScript, which is not accepted. "
        "Print it as a new PDF and upload that file."
    ),
    "pdf_launch": _(
        "The PDF contains an action that starts another program, which is not accepted. "
        "Print it as a new PDF and upload that file."
    ),
    "pdf_embedded_file": _(
        "The PDF contains attached files, which are not accepted. Upload a PDF without attachments."
    ),
    "polyglot": _(
        "The file carries other content after its end (for example an archive or a web page). "
        "Save or print it again as a plain PDF or image and upload the new file."
    ),
    "image_too_large": _("The image has too many pixels; at most %(limit)s pixels are accepted."),
    "image_damaged": _("The image could not be read: it may be damaged or incomplete."),
}


def refusal(code: str, **params: object) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)
