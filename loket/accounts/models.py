from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in: requester, unit staff or superadmin (roles come per unit).

    The profile lives on the user row itself: every sign-in path (local, SAML, OpenID Connect,
    admin, createsuperuser) then yields a complete person without a second row to create.
    """

    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    identity_number = models.CharField(
        _("identity number (NIM/NIP)"), max_length=50, blank=True, db_index=True
    )
    origin = models.CharField(_("faculty or unit of origin"), max_length=200, blank=True)
    whatsapp = models.CharField(
        _("WhatsApp number"), max_length=20, blank=True, help_text=_("Stored as +62…")
    )
    whatsapp_consent_at = models.DateTimeField(
        _("agreed to WhatsApp messages at"), null=True, blank=True
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    is_demo = models.BooleanField(
        _("demo account"),
        default=False,
        help_text=_("Created by the demo data; refused when DEBUG is off."),
    )
    erased_at = models.DateTimeField(
        _("account deleted at"),
        null=True,
        blank=True,
        help_text=_("The person deleted their account; what remains names no one."),
    )

    # What __str__ reads: lists that show people load only these columns.
    NAME_COLUMNS = ("erased_at", "full_name", "first_name", "last_name", "username")

    def __str__(self) -> str:
        if self.erased_at:
            return str(_("Deleted account"))
        return self.full_name or self.get_full_name() or self.username

    @property
    def whatsapp_consent(self) -> bool:
        return self.whatsapp_consent_at is not None

    def set_whatsapp_consent(self, agreed: bool) -> None:
        """Keep the moment of the first agreement; withdrawing clears it. The history of
        agreements and withdrawals is ConsentRecord's (see loket.accounts.consent)."""
        if not agreed:
            self.whatsapp_consent_at = None
        elif self.whatsapp_consent_at is None:
            self.whatsapp_consent_at = timezone.now()


class Role(models.TextChoices):
    """Roles held per unit. Requester (everyone signed in) and Superadmin (global) are not rows."""

    UNIT_ADMIN = "unit_admin", _("Unit Admin")
    DIRECTOR = "director", _("Director")
    STAFF = "staff", _("Staff")


class RoleSource(models.TextChoices):
    MANUAL = "manual", _("assigned in the Admin Panel")
    SSO = "sso", _("from the university SSO")


class UnitRole(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="unit_roles",
        verbose_name=_("user"),
    )
    unit = models.ForeignKey(
        "catalog.Unit", models.CASCADE, related_name="unit_roles", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    source = models.CharField(
        _("source"), max_length=10, choices=RoleSource.choices, default=RoleSource.MANUAL
    )
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        ordering = ["unit__name_id", "role", "user__username"]
        verbose_name = _("unit role")
        verbose_name_plural = _("unit roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_unit_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit.code}"


class ConsentVia(models.TextChoices):
    PROFILE = "profile", _("profile page")
    DEMO = "demo", _("demo data")


class ConsentRecord(models.Model):
    """One agreement to, or withdrawal of, WhatsApp messages: who, when, to which wording and
    number, and where. Rows are only ever added: UU 27/2022 asks the controller to prove
    consent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="consent_records",
        verbose_name=_("user"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, default="whatsapp")
    agreed = models.BooleanField(_("agreed"))
    number = models.CharField(_("WhatsApp number"), max_length=20, blank=True)
    text_version = models.CharField(_("wording version"), max_length=20)
    via = models.CharField(_("given through"), max_length=10, choices=ConsentVia.choices)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.user} · {self.purpose} · {self.agreed} · {self.created_at:%Y-%m-%d}"
