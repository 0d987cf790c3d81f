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

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def whatsapp_consent(self) -> bool:
        return self.whatsapp_consent_at is not None

    def set_whatsapp_consent(self, agreed: bool) -> None:
        """Keep the moment of the first agreement; withdrawing clears it."""
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
