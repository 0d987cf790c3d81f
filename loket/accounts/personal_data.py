"""The account's part: profile, roles, consents, e-mail addresses, SSO links, sign-in records."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone

from loket.accounts.models import ConsentRecord, User
from loket.accounts.privacy import Erasure, eraser, exporter

PROFILE_FIELDS = (
    "username",
    "email",
    "full_name",
    "first_name",
    "last_name",
    "identity_number",
    "origin",
    "whatsapp",
    "whatsapp_consent_at",
    "language",
    "date_joined",
    "last_login",
)


@exporter("profile")
def profile(person: User) -> dict:
    return {name: getattr(person, name) for name in PROFILE_FIELDS}


@exporter("roles")
def roles(person: User) -> list[dict]:
    rows = person.unit_roles.select_related("unit")
    held = [
        {"unit": r.unit.name_id, "role": r.get_role_display(), "since": r.created_at} for r in rows
    ]
    return held + (
        [{"unit": "", "role": "Superadmin", "since": None}] if person.is_superuser else []
    )


@exporter("consents")
def consents(person: User) -> list[dict]:
    return [
        {
            "purpose": c.purpose,
            "agreed": c.agreed,
            "number": c.number,
            "text_version": c.text_version,
            "via": c.get_via_display(),
            "at": c.created_at,
        }
        for c in ConsentRecord.objects.filter(user=person).order_by("created_at", "id")
    ]


@exporter("sign_in")
def sign_in(person: User) -> dict:
    return {
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=person)
        ],
        "sso_accounts": [
            {"provider": a.provider, "uid": a.uid, "last_login": a.last_login}
            for a in SocialAccount.objects.filter(user=person)
        ],
        "two_factor": [a.get_type_display() for a in Authenticator.objects.filter(user=person)],
    }


@eraser("accounts")
def erase(erasure: Erasure) -> None:
    person = erasure.person
    EmailAddress.objects.filter(user=person).delete()
    SocialAccount.objects.filter(user=person).delete()  # with its tokens
    Authenticator.objects.filter(user=person).delete()
    # The history of consents stays as proof that messages were sent with consent; the number
    # it covered goes.
    ConsentRecord.objects.filter(user=person).update(number="")
    _end_sessions(person)
    _pseudonymise_admin_log(erasure)


def _end_sessions(person: User) -> None:
    """The auth hash changes too (unusable password), but the rows themselves go here."""
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(person.pk):
            session.delete()


def _pseudonymise_admin_log(erasure: Erasure) -> None:
    """The Admin Panel's history names the person in entries about their account (and may quote
    them in entries they made)."""
    person, redact = erasure.person, erasure.redactor
    about = Q(content_type=ContentType.objects.get_for_model(User), object_id=str(person.pk))
    LogEntry.objects.filter(about).update(object_repr=erasure.pseudonym)
    for entry in LogEntry.objects.filter(about | Q(user=person)).only("pk", "change_message"):
        if (message := redact.text(entry.change_message)) != entry.change_message:
            LogEntry.objects.filter(pk=entry.pk).update(change_message=message)
