"""Blank a person's own values (name, e-mail, numbers) out of texts that the portal keeps."""

import re
from typing import Any

MARK = "[…]"
# Shorter values ("An", "TI") would blank ordinary words out of the kept records.
SHORTEST = 3


class Redactor:
    def __init__(self, values: list[str], phones: list[str] = ()) -> None:
        patterns = [re.escape(v.strip()) for v in values if len(v.strip()) >= SHORTEST]
        patterns += [_phone_pattern(p) for p in phones if p]
        # Longest first, so that a full name goes before the first name inside it.
        patterns.sort(key=len, reverse=True)
        self.pattern = re.compile("|".join(patterns), re.IGNORECASE) if patterns else None

    @classmethod
    def for_person(cls, person) -> "Redactor":
        from allauth.account.models import EmailAddress
        from allauth.socialaccount.models import SocialAccount

        emails = list(EmailAddress.objects.filter(user=person).values_list("email", flat=True))
        uids = list(SocialAccount.objects.filter(user=person).values_list("uid", flat=True))
        values = [
            person.username,
            person.email,
            person.full_name,
            person.first_name,
            person.last_name,
            person.get_full_name(),
            person.identity_number,
            *emails,
            *uids,
        ]
        return cls(values, phones=[person.whatsapp])

    def text(self, value: str) -> str:
        if not self.pattern or not value:
            return value
        return self.pattern.sub(MARK, value)

    def data(self, value: Any) -> Any:
        """The same through JSON: strings, lists and dicts (keys too)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(item) for item in value]
        if isinstance(value, dict):
            return {self.text(k): self.data(v) for k, v in value.items()}
        return value


def _phone_pattern(e164: str) -> str:
    """+6281234567890 as written anywhere: +62 812-3456-7890, 0812 3456 7890, 6281234567890."""
    digits = re.sub(r"\D", "", e164)
    national = digits[2:] if digits.startswith("62") else digits.lstrip("0")
    spaced = r"[\s.\-]?".join(national)
    return rf"(?:\+?62|0)?[\s.\-]?{spaced}"
