"""A person's data under UU 27/2022: everything the portal holds about them, and its erasure.

Each app says what it holds in its own `personal_data.py` (found at start-up, as the admin finds
`admin.py`): an `@exporter` returns that app's part of "Download my data", and an `@eraser`
erases or pseudonymises that app's part when the person deletes their account. A new app (such
as complaints) adds its own module and nothing here changes.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from loket.accounts.models import User
from loket.accounts.permissions import roles_of
from loket.accounts.redaction import Redactor

EXPORTERS: dict[str, Callable[[User], Any]] = {}
ERASERS: dict[str, Callable[["Erasure"], None]] = {}


def exporter(section: str):
    def register(function):
        EXPORTERS[section] = function
        return function

    return register


def eraser(name: str):
    def register(function):
        ERASERS[name] = function
        return function

    return register


def autodiscover() -> None:
    autodiscover_modules("personal_data")


@dataclass(frozen=True)
class Erasure:
    """What an eraser step gets: the person (still as they were) and what to blank out of the
    texts that are kept, such as a note that quotes their phone number."""

    person: User
    redactor: Redactor
    pseudonym: str


class ErasureRefused(Exception):
    """Why this account cannot delete itself now; the message is for the person."""


def export(person: User) -> dict[str, Any]:
    return {section: collect(person) for section, collect in EXPORTERS.items()}


def refusal(person: User) -> str:
    """Empty when the person may delete their account; otherwise the reason to show."""
    if roles_of(person) or person.is_superuser or person.is_staff:
        return _(
            "You hold a role in a unit (or manage the portal). Your unit's records name you as "
            "the person who acted, so ask your unit's Director or a Superadmin to remove your "
            "roles first; then you can delete your account here."
        )
    return ""


@transaction.atomic
def erase_account(person: User) -> User:
    """Delete the account: personal fields erased, the rest kept but naming no one.

    Every registered step runs in one transaction: an error in any of them leaves everything as it
    was. The user row itself stays as a pseudonymous tombstone, because requests, their timeline
    and questionnaire answers (the unit's records and its statistics) point to it.
    """
    person = User.objects.select_for_update().get(pk=person.pk)
    reason = refusal(person)
    if reason:
        raise ErasureRefused(reason)
    erasure = Erasure(
        person=person,
        redactor=Redactor.for_person(person),
        pseudonym=f"terhapus-{secrets.token_hex(6)}",
    )
    for step in ERASERS.values():
        step(erasure)
    _tombstone(erasure)
    return person


def _tombstone(erasure: Erasure) -> None:
    person = erasure.person
    for name in ("first_name", "last_name", "email", "full_name", "identity_number", "origin"):
        setattr(person, name, "")
    person.username = erasure.pseudonym
    person.whatsapp, person.whatsapp_consent_at = "", None
    person.is_active, person.last_login = False, None
    person.erased_at = timezone.now()
    person.set_unusable_password()  # also ends every session: their auth hash no longer fits
    person.save()
