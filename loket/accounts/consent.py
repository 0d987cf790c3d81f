"""WhatsApp consent as a history: every agreement and withdrawal is a ConsentRecord row."""

from django.utils.translation import gettext_lazy as _

from loket.accounts.models import ConsentRecord, ConsentVia, User

# The wording a person agrees to, by version. Change the wording only together with a new version,
# so that each record says which words were agreed to.
TEXT_VERSION = "2026-11"
TEXTS = {
    "2026-11": _("I agree to receive messages about my requests on WhatsApp."),
}


def record(user: User, *, agreed: bool, via: str = ConsentVia.PROFILE) -> ConsentRecord:
    return ConsentRecord.objects.create(
        user=user,
        agreed=agreed,
        number=user.whatsapp if agreed else "",
        text_version=TEXT_VERSION,
        via=via,
    )


def record_change(user: User, *, was: tuple[bool, str], via: str = ConsentVia.PROFILE) -> None:
    """After a change of the user row: a row when consent was given, withdrawn, or moved to
    another number (consent covers the number it was given for)."""
    was_agreed, was_number = was
    if user.whatsapp_consent != was_agreed or (was_agreed and user.whatsapp != was_number):
        record(user, agreed=user.whatsapp_consent, via=via)
