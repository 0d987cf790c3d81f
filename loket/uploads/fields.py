"""A form field for letters and supporting files, checked with the limits in settings."""

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from .checks import ALL_KINDS, check_upload

# In this order in the file chooser's filter.
ACCEPT = {"pdf": ".pdf", "image": ".jpg,.jpeg,.png"}


class CheckedFileField(forms.FileField):
    """Cleans to the upload itself, renamed to its safe name, with the CheckedFile as `.checked`.

    The safe name and the detected content type replace what the browser sent, so a model
    FileField given the cleaned value never stores the original name.
    """

    def __init__(self, *, kinds: frozenset[str] = ALL_KINDS, **kwargs) -> None:
        self.kinds = kinds
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, str]:
        attrs = super().widget_attrs(widget)
        attrs["accept"] = ",".join(exts for kind, exts in ACCEPT.items() if kind in self.kinds)
        return attrs

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if not isinstance(file, UploadedFile) or file is initial:
            return file
        checked = check_upload(
            file,
            kinds=self.kinds,
            max_bytes=settings.UPLOAD_MAX_BYTES,
            max_pdf_pages=settings.UPLOAD_MAX_PDF_PAGES,
            max_pixels=settings.UPLOAD_MAX_PIXELS,
        )
        file.name, file.content_type, file.checked = checked.name, checked.content_type, checked
        return file
