"""A complaint (keluhan) about a service: its own statuses, deadlines, timeline and files."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from loket.accounts.models import Role, User
from loket.accounts.permissions import is_superadmin, roles_of
from loket.portal import links
from loket.requests.models import private_storage
from loket.uploads.names import stored_name


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("complaint status", "Received")
    VERIFIED = "verified", pgettext_lazy("complaint status", "Verified")
    NOT_OUR_REMIT = "not_our_remit", pgettext_lazy("complaint status", "Not Our Remit")
    REJECTED = "rejected", pgettext_lazy("complaint status", "Rejected")
    IN_FOLLOW_UP = "in_follow_up", pgettext_lazy("complaint status", "In Follow-up")
    ANSWERED = "answered", pgettext_lazy("complaint status", "Answered")
    RESOLVED = "resolved", pgettext_lazy("complaint status", "Resolved")


STATUS_LABELS = dict(Status.choices)


# The unit's clock runs while it has to verify, or to answer.
WAITING_FOR_ANSWER = frozenset({Status.VERIFIED, Status.IN_FOLLOW_UP})
FINISHED = frozenset({Status.NOT_OUR_REMIT, Status.REJECTED, Status.RESOLVED})
BADGE_TONES = {
    Status.RECEIVED: "info",
    Status.VERIFIED: "info",
    Status.NOT_OUR_REMIT: "neutral",
    Status.REJECTED: "danger",
    Status.IN_FOLLOW_UP: "info",
    Status.ANSWERED: "success",
    Status.RESOLVED: "neutral",
}


class UnitSettings(models.Model):
    """A unit's complaint deadlines (PRODUCT.md 5.7); without a row the defaults apply."""

    unit = models.OneToOneField(
        "catalog.Unit", models.CASCADE, related_name="complaint_settings", verbose_name=_("unit")
    )
    verify_days = models.PositiveSmallIntegerField(
        _("working days to verify"), default=3, validators=[MinValueValidator(1)]
    )
    answer_days = models.PositiveSmallIntegerField(
        _("working days to answer"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_("Counted from the day the complaint was filed."),
    )
    extension_days = models.PositiveSmallIntegerField(
        _("working days of the one extension"), default=7, validators=[MaxValueValidator(60)]
    )
    reopen_days = models.PositiveSmallIntegerField(
        _("days the complainant may reopen an answer"),
        default=7,
        validators=[MaxValueValidator(90)],
        help_text=_("Calendar days after the answer; afterwards the complaint is resolved."),
    )

    class Meta:
        verbose_name = _("complaint settings")
        verbose_name_plural = _("complaint settings")

    def __str__(self) -> str:
        return str(self.unit)

    @classmethod
    def for_unit(cls, unit_id: int) -> "UnitSettings":
        return cls.objects.filter(unit_id=unit_id).first() or cls(unit_id=unit_id)


class ComplaintQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Own complaints; the unit's for its Admin Unit and Direktur; staff what is assigned to
        them. Everything else is absent (a 404)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if is_superadmin(user):
            return self
        held = roles_of(user)
        unit_wide = {unit for unit, role in held if role in (Role.UNIT_ADMIN, Role.DIRECTOR)}
        staff_units = {unit for unit, role in held if role == Role.STAFF}
        condition = Q(complainant=user) | Q(unit_id__in=unit_wide)
        if staff_units:
            condition |= Q(unit_id__in=staff_units, assigned_staff=user)
        return self.filter(condition)

    def in_inbox_of(self, user, role: str):
        units = {unit for unit, held in roles_of(user) if held == role}
        mine = self.filter(unit_id__in=units)
        if role == Role.UNIT_ADMIN:
            return mine.filter(status__in=[Status.RECEIVED, Status.VERIFIED])
        if role == Role.DIRECTOR:
            return mine.overdue()
        return mine.filter(status=Status.IN_FOLLOW_UP, assigned_staff=user)

    def overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(
            Q(status=Status.RECEIVED, verify_due__lt=today)
            | Q(status__in=WAITING_FOR_ANSWER, answer_due__lt=today)
        )

    def for_lists(self):
        return self.select_related("service", "unit", "complainant").order_by("-submitted_at")

    def for_tables(self):
        """The columns the portal's complaint tables show (complaints/_list.html), no more."""
        return (
            self.select_related("service", "complainant")
            .only(
                *("ticket", "unit", "status", "subject", "hide_identity", "submitted_at"),
                *("verify_due", "answer_due", "service__name_id", "service__name_en"),
                *(f"complainant__{column}" for column in User.NAME_COLUMNS),
            )
            .order_by("-submitted_at")
        )


class Complaint(models.Model):
    ticket = models.CharField(_("ticket number"), max_length=40, unique=True)
    unit = models.ForeignKey(
        "catalog.Unit", models.PROTECT, related_name="complaints", verbose_name=_("unit")
    )
    service = models.ForeignKey(
        "catalog.Service", models.PROTECT, related_name="complaints", verbose_name=_("service")
    )
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="complaints",
        verbose_name=_("complainant"),
    )
    related_request = models.ForeignKey(
        "requests.ServiceRequest",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("about the request"),
    )
    hide_identity = models.BooleanField(_("identity withheld from the staff"), default=False)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    assigned_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints_assigned",
        verbose_name=_("assigned to"),
    )
    referred_unit = models.ForeignKey(
        "catalog.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("belongs to the unit"),
    )
    answer = models.TextField(_("answer"), blank=True)

    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    verify_due = models.DateField(_("verify by"))
    answer_due = models.DateField(_("answer by"))
    extended = models.BooleanField(_("deadline extended"), default=False)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    answered_on_time = models.BooleanField(_("answered on time"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    escalated_for = models.DateField(
        _("escalated for the deadline"), null=True, blank=True, editable=False
    )

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(fields=["unit", "status"]),
            # The dashboard's complaints received in a period (by status, answered on time, days
            # to answer) from the index alone: the unit's, not every unit's nor every year's.
            models.Index(
                fields=["unit", "submitted_at"],
                include=["status", "first_answered_at", "answered_on_time", "answer_due", "id"],
                name="complaints_filed_by_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.ticket

    def get_absolute_url(self) -> str:
        return links.of_ticket("complaints:detail", self.ticket)

    def get_status_display(self) -> str:
        # Django's own hashes every status's translated label on each call; lists call this
        # on every row.
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def badge_tone(self) -> str:
        return BADGE_TONES[self.status]

    @property
    def due_date(self) -> datetime.date | None:
        """The deadline the unit works to now: verification, then the answer."""
        if self.status == Status.RECEIVED:
            return self.verify_due
        if self.status in WAITING_FOR_ANSWER:
            return self.answer_due
        return None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        due = self.due_date
        return due is not None and due < (today or timezone.localdate())

    def is_due_soon(self, today: datetime.date | None = None, *, days: int = 2) -> bool:
        due, today = self.due_date, today or timezone.localdate()
        return due is not None and today <= due <= today + datetime.timedelta(days=days)

    def reopen_until(self) -> datetime.date | None:
        if self.status != Status.ANSWERED or self.answered_at is None:
            return None
        days = UnitSettings.for_unit(self.unit_id).reopen_days
        return timezone.localdate(self.answered_at) + datetime.timedelta(days=days)


class TicketCounter(models.Model):
    """The last complaint number per unit and year (apart from the requests' numbers)."""

    unit = models.ForeignKey("catalog.Unit", models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_complaint_counter")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last}"


class Event(models.Model):
    """One step of a complaint's timeline. Rows are only ever added."""

    complaint = models.ForeignKey(
        Complaint, models.CASCADE, related_name="events", verbose_name=_("complaint")
    )
    action = models.CharField(_("action"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_public = models.BooleanField(_("visible to the complainant"), default=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("complaint event")
        verbose_name_plural = _("complaint events")

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Events are never edited; record a new one.")
        super().save(*args, **kwargs)


def file_path(instance: "Attachment", filename: str) -> str:
    # The full name is kept in Attachment.name; the stored one is shortened.
    today = timezone.localdate()
    return f"complaints/{today:%Y/%m}/{instance.complaint.ticket}/{stored_name(filename)}"


class Attachment(models.Model):
    complaint = models.ForeignKey(
        Complaint, models.CASCADE, related_name="files", verbose_name=_("complaint")
    )
    file = models.FileField(_("file"), upload_to=file_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    event = models.ForeignKey(Event, models.PROTECT, null=True, blank=True, related_name="files")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("complaint file")
        verbose_name_plural = _("complaint files")

    def __str__(self) -> str:
        return self.name
