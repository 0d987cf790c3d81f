"""Demo accounts: pemohon, adminunit, direktur, staf and superadmin, with their roles at DTIK.

Demo mode is DEBUG on (`make run`). Outside it the demo accounts cannot sign in, the demo password
is refused wherever a password is set or used, and `load_demo` does not create the accounts.

In demo mode the demo accounts' unit roles are exempt from the two-factor requirement, so that a
reviewer can sign in as each role at once. The exemption needs both the account's `is_demo` flag
(set only here) and DEBUG, so a real account never has it and a production server never grants it.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts import consent
from loket.accounts.models import ConsentVia, Role, UnitRole, User
from loket.catalog.models import Unit

UNIT_CODE = "DTIK"
SUPERADMIN = "superadmin"
# username, full name, role (None: a requester only)
ACCOUNTS: list[tuple[str, str, str | None]] = [
    ("pemohon", "Putri Pemohon", None),
    ("adminunit", "Andi Admin Unit", Role.UNIT_ADMIN),
    ("direktur", "Dewi Direktur", Role.DIRECTOR),
    ("staf", "Sigit Staf", Role.STAFF),
    ("superadmin", "Sari Superadmin", SUPERADMIN),
]


def demo_mode() -> bool:
    return settings.DEBUG


@transaction.atomic
def load() -> list[tuple[str, str]]:
    """Create or refresh the demo accounts; returns (username, role label) pairs."""
    unit = Unit.objects.get(code=UNIT_CODE)
    loaded = []
    for username, full_name, role in ACCOUNTS:
        user = _account(username, full_name, superadmin=role == SUPERADMIN)
        if role in Role.values:
            UnitRole.objects.get_or_create(user=user, unit=unit, role=role)
        label = Role(role).label if role in Role.values else _("Requester")
        loaded.append((username, _("Superadmin") if role == SUPERADMIN else str(label)))
    return loaded


def _account(username: str, full_name: str, *, superadmin: bool) -> User:
    email = f"{username}@demo.loket.example"
    user, _created = User.objects.update_or_create(
        username=username,
        defaults={
            "full_name": full_name,
            "email": email,
            "is_demo": True,
            "is_staff": superadmin,
            "is_superuser": superadmin,
        },
    )
    agrees = username == "pemohon" and not user.whatsapp
    if agrees:
        user.whatsapp, user.whatsapp_consent_at = "+6281234567890", timezone.now()
    user.set_password(settings.LOKET_DEMO_PASSWORD)
    user.save()
    if agrees:
        consent.record(user, agreed=True, via=ConsentVia.DEMO)
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def refusal(user: User, password: str) -> str:
    """Why this sign-in is refused outside demo mode ("" when it is not)."""
    if demo_mode():
        return ""
    if user.is_demo:
        return _("Demo accounts work only on a demo server.")
    if password and password == settings.LOKET_DEMO_PASSWORD:
        return _("This is the public demo password. Reset your password to sign in.")
    return ""


def exempt_from_mfa(user: User) -> bool:
    return demo_mode() and user.is_demo
