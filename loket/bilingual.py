"""Bilingual content: Indonesian is stored in `<field>_id` (required), English in `<field>_en`."""

from django.utils.translation import get_language


class Localized:
    """Reads the English column when English is active and filled in, else the Indonesian one."""

    def __init__(self, field: str) -> None:
        self.field = field

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if (get_language() or "id").startswith("en"):
            english = getattr(obj, f"{self.field}_en")
            if english:
                return english
        return getattr(obj, f"{self.field}_id")
