"""WhatsApp numbers: Indonesian ways of writing them in, E.164 out."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}
ALLOWED_CHARACTERS = re.compile(r"^\+?[\d\s\-().]+$")


def normalize_whatsapp(raw: str) -> str:
    """08…, +62… and 62… (with spaces or dashes) become +62…; anything else is refused."""
    text = raw.strip()
    if not ALLOWED_CHARACTERS.match(text):
        raise ValidationError(_("Enter a phone number using digits only, such as 0812-3456-7890."))
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        raise ValidationError(
            _("This is not a phone number. Write it as 0812-3456-7890.")
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("This number is incomplete or does not exist. Write it as 0812-3456-7890.")
        )
    if phonenumbers.number_type(number) not in MOBILE_TYPES:
        raise ValidationError(
            _("This is not a mobile number; WhatsApp needs a mobile number (08…).")
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
