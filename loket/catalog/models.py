from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from loket.bilingual import Localized


def id_text(verbose, **kwargs) -> models.TextField:
    return models.TextField(format_lazy("{} (Bahasa Indonesia)", verbose), **kwargs)


def en_text(verbose) -> models.TextField:
    return models.TextField(format_lazy("{} (English)", verbose), blank=True)


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_service_count(self):
        return self.annotate(
            service_count=Count("services", filter=Q(services__is_active=True), distinct=True)
        )


class Unit(models.Model):
    """A service unit; units nest (university > directorate > sub-directorate)."""

    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    code = models.CharField(_("code"), max_length=20, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    office_id = models.CharField(_("office (Bahasa Indonesia)"), max_length=200, blank=True)
    office_en = models.CharField(_("office (English)"), max_length=200, blank=True)
    description_id = id_text(_("description"), blank=True)
    description_en = en_text(_("description"))
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    name = Localized("name")
    office = Localized("office")
    description = Localized("description")

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["name_id"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name_id

    def get_absolute_url(self) -> str:
        return reverse("catalog:unit", args=[self.slug])


class Category(models.Model):
    """A kind of service, e.g. "Layanan Aplikasi"."""

    slug = models.SlugField(_("slug"), unique=True)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = Localized("name")

    class Meta:
        ordering = ["order", "name_id"]
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")

    def __str__(self) -> str:
        return self.name_id


class Audience(models.TextChoices):
    CIVITAS = "civitas", _("The whole academic community")
    STUDENTS = "students", _("Students")
    LECTURERS = "lecturers", _("Lecturers")
    STAFF = "staff", _("Administrative staff")
    PUBLIC = "public", _("The general public")


class ApplicationQuerySet(models.QuerySet):
    def upgradable(self):
        """Rules 2 and 3 of SOP#24: built in-house and serving the academic community."""
        return self.filter(is_active=True, developed_in_house=True).exclude(
            audience=Audience.PUBLIC
        )


class Application(models.Model):
    """An entry of the application registry, which upgrade requests choose from."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("address (URL)"), blank=True)
    owner_unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="applications", verbose_name=_("owner unit")
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    developed_in_house = models.BooleanField(_("developed in-house"), default=True)
    description_id = id_text(_("description"), blank=True)
    description_en = en_text(_("description"))
    is_active = models.BooleanField(_("active"), default=True)

    description = Localized("description")

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("application")
        verbose_name_plural = _("application registry")
        constraints = [
            models.UniqueConstraint(fields=["owner_unit", "name"], name="unique_app_per_unit")
        ]

    def __str__(self) -> str:
        return self.name


class ServiceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, unit__is_active=True)

    def for_cards(self):
        return self.active().select_related("unit", "category")


class Service(models.Model):
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="services", verbose_name=_("unit"))
    category = models.ForeignKey(
        Category, models.PROTECT, related_name="services", verbose_name=_("category")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    code = models.CharField(_("SOP number"), max_length=30, blank=True)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    summary_id = id_text(_("summary"), blank=True)
    summary_en = en_text(_("summary"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    asks_for_application = models.BooleanField(
        _("asks for an application from the registry"),
        default=False,
        help_text=_("The request form offers the unit's in-house applications, as SOP#24 does."),
    )
    letter_retention_months = models.PositiveSmallIntegerField(
        _("keep request files for (months)"),
        null=True,
        blank=True,
        help_text=_(
            "Months after a request is finished before its letter and other files are deleted "
            "by purge_letters. Empty: kept until changed."
        ),
    )

    name = Localized("name")
    summary = Localized("summary")

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name_id"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name_id

    def get_absolute_url(self) -> str:
        return reverse("catalog:service", args=[self.slug])


class StandardRevision(models.Model):
    """One version of a service's public standard (Standar Pelayanan) and its SOP.

    List fields (requirements, procedure, rules, usage steps) hold one item per line.
    """

    service = models.ForeignKey(
        Service, models.CASCADE, related_name="revisions", verbose_name=_("service")
    )
    version = models.CharField(_("version"), max_length=20)
    effective_date = models.DateField(_("date"))
    prepared_by = models.TextField(_("prepared by"))
    reviewed_by = models.TextField(_("reviewed by"), blank=True)
    approved_by = models.TextField(_("approved by"), blank=True)
    sign_off = models.CharField(_("sign off"), max_length=200, blank=True)

    product_id = id_text(_("service product"))
    product_en = en_text(_("service product"))
    application_id = id_text(_("application"))
    application_en = en_text(_("application"))
    requirements_id = id_text(_("requirements"))
    requirements_en = en_text(_("requirements"))
    procedure_id = id_text(_("system, mechanism and procedure"))
    procedure_en = en_text(_("system, mechanism and procedure"))
    completion_days = models.PositiveSmallIntegerField(_("completion time (working days)"))
    fee_id = id_text(_("service fee"))
    fee_en = en_text(_("service fee"))
    purpose_id = id_text(_("purpose"), blank=True)
    purpose_en = en_text(_("purpose"))
    scope_id = id_text(_("scope"), blank=True)
    scope_en = en_text(_("scope"))
    rules_id = id_text(_("rules"), blank=True)
    rules_en = en_text(_("rules"))
    usage_steps_id = id_text(_("how to use the e-service"), blank=True)
    usage_steps_en = en_text(_("how to use the e-service"))

    product = Localized("product")
    application = Localized("application")
    requirements = Localized("requirements")
    procedure = Localized("procedure")
    fee = Localized("fee")
    purpose = Localized("purpose")
    scope = Localized("scope")
    rules = Localized("rules")
    usage_steps = Localized("usage_steps")

    class Meta:
        ordering = ["service", "-effective_date", "-id"]
        verbose_name = _("standard revision")
        verbose_name_plural = _("standard revisions")
        constraints = [
            models.UniqueConstraint(fields=["service", "version"], name="unique_revision_version")
        ]

    def __str__(self) -> str:
        return f"{self.service} v{self.version}"
