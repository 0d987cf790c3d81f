"""CheckedFileField in a form, with the limits from settings."""

import pytest
from django import forms
from django.utils import translation

from loket.uploads.errors import MESSAGES
from loket.uploads.fields import CheckedFileField

from . import corpus


class LetterForm(forms.Form):
    letter = CheckedFileField()
    attachment = CheckedFileField(kinds=frozenset({"pdf"}), required=False)


def test_it_cleans_to_the_upload_under_its_safe_name():
    data = corpus.pdf()
    form = LetterForm(files={"letter": corpus.upload(data, "surat.pdf.exe", "text/html")})
    assert form.is_valid(), form.errors
    letter = form.cleaned_data["letter"]
    assert (letter.name, letter.content_type) == ("surat.pdf", "application/pdf")
    assert (letter.checked.kind, letter.checked.pages, letter.checked.size) == ("pdf", 1, len(data))
    assert letter.read() == data
    assert form.cleaned_data["attachment"] is None


def test_it_takes_its_limits_from_settings(settings):
    settings.UPLOAD_MAX_BYTES = 100
    form = LetterForm(files={"letter": corpus.upload(corpus.pdf(), "surat.pdf")})
    assert not form.is_valid()
    assert form.errors.as_data()["letter"][0].code == "too_large"


def test_it_refuses_in_the_active_language():
    form = LetterForm(
        files={"letter": corpus.upload(corpus.pdf(change=corpus.with_encryption), "surat.pdf")}
    )
    with translation.override("en"):
        assert form.errors["letter"] == [
            "The PDF is encrypted or protected with a password. Upload a copy without protection."
        ]


def test_it_refuses_a_kind_the_field_does_not_take():
    files = {
        "letter": corpus.upload(corpus.pdf(), "surat.pdf"),
        "attachment": corpus.upload(corpus.image("PNG"), "scan.png", "image/png"),
    }
    form = LetterForm(files=files)
    assert form.errors.as_data()["attachment"][0].code == "unsupported_type"


def test_it_asks_the_browser_for_the_accepted_types():
    form = LetterForm()
    assert 'accept=".pdf,.jpg,.jpeg,.png"' in str(form["letter"])
    assert 'accept=".pdf"' in str(form["attachment"])


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_it_has_an_indonesian_message_for_every_refusal(code):
    with translation.override("en"):
        english = str(MESSAGES[code])
    with translation.override("id"):
        assert str(MESSAGES[code]) != english
