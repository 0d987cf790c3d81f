import base64
import hashlib
import hmac
import struct
import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from loket.accounts.models import Role, UnitRole, User
from loket.catalog.tests.factories import UnitFactory

PASSWORD = "loket-test-password"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET, *, steps_ago: int = 0) -> str:
    """RFC 6238, as an authenticator app computes it, now or `steps_ago` 30-second steps back."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int(time.time()) // 30 - steps_ago
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified e-mail address; `totp=True` adds an authenticator app."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.ac.id")
    full_name = factory.Faker("name", locale="id_ID")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create and user.email and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def totp(user, create, extracted, **kwargs):
        if create and extracted:
            TOTP.activate(user, TOTP_SECRET)


class UnitRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitRole

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.UNIT_ADMIN


def person_with_role(username: str, role: Role, unit, *, totp: bool = True) -> User:
    """A unit role holder as the portal has them: with two-factor sign-in set up."""
    user = UserFactory(username=username, totp=totp)
    UnitRoleFactory(user=user, unit=unit, role=role)
    return user
