"""A service request (permohonan), its letter and files, its timeline and its dispositions."""

import datetime

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from loket.accounts.models import Role, User
from loket.accounts.permissions import is_superadmin, roles_of
from loket.portal import links
from loket.uploads.names import stored_name


class Status(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("request status", "Submitted")
    RETURNED = "returned", pgettext_lazy("request status", "Returned")
    REJECTED = "rejected", pgettext_lazy("request status", "Rejected")
    VERIFIED = "verified", pgettext_lazy("request status", "Verified")
    FORWARDED = "forwarded", pgettext_lazy("request status", "Forwarded")
    DISPOSED = "disposed", pgettext_lazy("request status", "Disposed")
    IN_PROGRESS = "in_progress", pgettext_lazy("request status", "In progress")
    COMPLETED = "completed", pgettext_lazy("request status", "Completed")
    CLOSED = "closed", pgettext_lazy("request status", "Closed")
    CANCELLED = "cancelled", pgettext_lazy("request status", "Cancelled")


STATUS_LABELS = dict(Status.choices)


# The service-level clock runs in these; RETURNED pauses it, the rest have stopped it.
RUNNING = frozenset(
    {Status.SUBMITTED, Status.VERIFIED, Status.FORWARDED, Status.DISPOSED, Status.IN_PROGRESS}
)
FINISHED = frozenset({Status.COMPLETED, Status.CLOSED, Status.REJECTED, Status.CANCELLED})
BADGE_TONES = {
    Status.SUBMITTED: "info",
    Status.RETURNED: "warning",
    Status.REJECTED: "danger",
    Status.VERIFIED: "info",
    Status.FORWARDED: "info",
    Status.DISPOSED: "info",
    Status.IN_PROGRESS: "info",
    Status.COMPLETED: "success",
    Status.CLOSED: "neutral",
    Status.CANCELLED: "neutral",
}


class Intake(models.TextChoices):
    PORTAL = "portal", _("Through the portal")
    WALK_IN = "walk_in", _("Delivered to the office")


class ServiceRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Own requests; the whole unit for its Admin Unit and Direktur; staff what is disposed
        to them. Everything else is absent, so another unit's request is a 404."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if is_superadmin(user):
            return self
        held = roles_of(user)
        unit_wide = {unit for unit, role in held if role in (Role.UNIT_ADMIN, Role.DIRECTOR)}
        staff_units = {unit for unit, role in held if role == Role.STAFF}
        condition = Q(requester=user) | Q(unit_id__in=unit_wide)
        if staff_units:
            # EXISTS rather than a join: no duplicate rows, so no DISTINCT, which would keep
            # PostgreSQL from reading a large unit's requests in index order (search, lists).
            disposed = Disposition.objects.filter(req=OuterRef("pk"), staff=user)
            condition |= Q(unit_id__in=staff_units) & Q(Exists(disposed))
        return self.filter(condition)

    def in_inbox_of(self, user, role: str):
        """What waits for this user's action in this role."""
        units = {unit for unit, held in roles_of(user) if held == role}
        mine = self.filter(unit_id__in=units)
        if role == Role.UNIT_ADMIN:
            return mine.filter(status__in=[Status.SUBMITTED, Status.VERIFIED])
        if role == Role.DIRECTOR:
            return mine.filter(status=Status.FORWARDED)
        return mine.filter(
            status__in=[Status.DISPOSED, Status.IN_PROGRESS],
            dispositions__is_current=True,
            dispositions__staff=user,
        ).distinct()

    def overdue(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(status__in=RUNNING, due_date__lt=today)

    def for_lists(self):
        return self.select_related("service", "unit", "requester").order_by("-submitted_at")

    def for_tables(self):
        """The columns the portal's request tables show (requests/_list.html), no more: with
        its service, unit and requester a request is 70 columns, mostly texts no row shows."""
        return (
            self.select_related("service", "requester")
            .only(
                *("ticket", "unit", "status", "subject", "due_date", "submitted_at"),
                *("service__name_id", "service__name_en"),
                *(f"requester__{column}" for column in User.NAME_COLUMNS),
            )
            .order_by("-submitted_at")
        )

    def with_last_event(self):
        """The newest public step, for lists that show "last update" without N+1 queries."""
        last = Event.objects.filter(req=OuterRef("pk"), is_public=True).order_by(
            "-created_at", "-id"
        )
        return self.annotate(
            last_action=Subquery(last.values("action")[:1]),
            last_event_at=Subquery(last.values("created_at")[:1]),
        )


class ServiceRequest(models.Model):
    ticket = models.CharField(_("ticket number"), max_length=40, unique=True)
    unit = models.ForeignKey(
        "catalog.Unit", models.PROTECT, related_name="requests", verbose_name=_("unit")
    )
    service = models.ForeignKey(
        "catalog.Service", models.PROTECT, related_name="requests", verbose_name=_("service")
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="service_requests",
        verbose_name=_("requester"),
    )
    intake = models.CharField(
        _("received"), max_length=10, choices=Intake.choices, default=Intake.PORTAL
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )

    application = models.ForeignKey(
        "catalog.Application",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("application"),
    )
    subject = models.CharField(_("what is requested"), max_length=200)
    description = models.TextField(_("description"))
    desired_features = models.TextField(_("desired features"), blank=True)

    letter_number = models.CharField(_("letter number"), max_length=100)
    letter_date = models.DateField(_("letter date"))
    signatory_name = models.CharField(_("signed by"), max_length=200)
    signatory_position = models.CharField(_("signatory's position"), max_length=200)
    requesting_unit = models.CharField(_("requesting unit"), max_length=200)
    whatsapp = models.CharField(_("WhatsApp number"), max_length=20)

    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, db_index=True)
    due_date = models.DateField(_("due date"))
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    result_summary = models.TextField(_("result summary"), blank=True)

    objects = ServiceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        indexes = [
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["due_date"]),
            # The IKM report's population (requests completed per unit, service and period) and
            # the dashboard's completion times read from the index alone: a unit's requests
            # completed in a period without the rows, however many years of history there are.
            models.Index(
                fields=["unit", "completed_at"],
                include=["service", "id", "submitted_at", "due_date"],
                condition=Q(completed_at__isnull=False),
                name="completed_by_unit",
            ),
            # The dashboard's requests filed in a period (by status, per week), from the index
            # alone: the unit's requests of those weeks, not every unit's nor every year's.
            models.Index(
                fields=["unit", "submitted_at"], include=["status", "id"], name="filed_by_unit"
            ),
        ]

    def __str__(self) -> str:
        return self.ticket

    def get_absolute_url(self) -> str:
        return links.of_ticket("requests:detail", self.ticket)

    def get_status_display(self) -> str:
        # Django's own hashes every status's translated label on each call; lists call this
        # on every row.
        return str(STATUS_LABELS.get(self.status, self.status))

    @property
    def badge_tone(self) -> str:
        return BADGE_TONES[self.status]

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.status in RUNNING and self.due_date < (today or timezone.localdate())

    def is_due_soon(self, today: datetime.date | None = None, *, days: int = 2) -> bool:
        today = today or timezone.localdate()
        return self.status in RUNNING and today <= self.due_date <= today + datetime.timedelta(
            days=days
        )

    @property
    def current_letter(self):
        return self.files.filter(kind=FileKind.LETTER).order_by("-uploaded_at", "-id").first()


class TicketCounter(models.Model):
    """The last ticket number given per unit and year; one row locked per new request."""

    unit = models.ForeignKey("catalog.Unit", models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_ticket_counter")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id}/{self.year}: {self.last}"


class Event(models.Model):
    """One step of a request's timeline. Rows are only ever added."""

    req = models.ForeignKey(
        ServiceRequest, models.CASCADE, related_name="events", verbose_name=_("request")
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
    is_public = models.BooleanField(_("visible to the requester"), default=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.req_id} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Events are never edited; record a new one.")
        super().save(*args, **kwargs)

    @classmethod
    def record(
        cls,
        req: ServiceRequest,
        *,
        action: str,
        actor,
        from_status: str = "",
        note: str = "",
        public: bool = True,
        data: dict | None = None,
    ) -> "Event":
        return cls.objects.create(
            req=req,
            action=action,
            actor=actor,
            from_status=from_status,
            to_status=req.status if req.status != from_status else "",
            note=note,
            is_public=public,
            data=data or {},
        )


class FileKind(models.TextChoices):
    LETTER = "letter", _("Request letter")
    SUPPORTING = "supporting", _("Supporting file")
    RESULT = "result", _("Result file")


def private_storage():
    return storages["private"]


def file_path(instance: "Attachment", filename: str) -> str:
    # The full name is kept in Attachment.name; the stored one is shortened. The folder is the
    # request's id: a new request's letter is stored before its ticket number is taken.
    today = timezone.localdate()
    return f"requests/{today:%Y/%m}/{instance.req_id}/{stored_name(filename)}"


class Attachment(models.Model):
    req = models.ForeignKey(
        ServiceRequest, models.CASCADE, related_name="files", verbose_name=_("request")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=FileKind.choices)
    file = models.FileField(_("file"), upload_to=file_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=120)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    event = models.ForeignKey(Event, models.PROTECT, null=True, blank=True, related_name="files")
    purged_at = models.DateTimeField(
        _("deleted under retention at"),
        null=True,
        blank=True,
        help_text=_("The file itself was deleted when its service's retention period ran out."),
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.name


class FileAccess(models.Model):
    """Someone other than the requester opened a request's file: who, when, which file."""

    attachment = models.ForeignKey(
        Attachment, models.CASCADE, related_name="accesses", verbose_name=_("file")
    )
    req = models.ForeignKey(
        ServiceRequest, models.CASCADE, related_name="file_accesses", verbose_name=_("request")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("file access")
        verbose_name_plural = _("file accesses")

    def __str__(self) -> str:
        return f"{self.req_id} {self.attachment_id} {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, attachment: Attachment, *, by) -> "FileAccess":
        return cls.objects.create(attachment=attachment, req_id=attachment.req_id, user=by)


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")
    VERY_URGENT = "very_urgent", _("Very urgent")


class Instruction(models.TextChoices):
    """The checklist of a disposition sheet (lembar disposisi)."""

    FOLLOW_UP = "follow_up", _("For follow-up")
    FOR_INFORMATION = "for_information", _("For your information")
    STUDY = "study", _("For study")
    PREPARE = "prepare", _("Prepare the material")
    COORDINATE = "coordinate", _("Coordinate")
    PROCESS = "process", _("Process according to the rules")
    REPORT = "report", _("Report the result")


class Disposition(models.Model):
    """The Direktur's instruction to staff; a re-disposition replaces the current one."""

    req = models.ForeignKey(
        ServiceRequest, models.CASCADE, related_name="dispositions", verbose_name=_("request")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="dispositions_received", verbose_name=_("staff")
    )
    instructions = models.JSONField(_("instructions"), default=list)
    note = models.TextField(_("note"), blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=12, choices=Urgency.choices, default=Urgency.NORMAL
    )
    due_date = models.DateField(_("due date"))
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    is_current = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("disposition")
        verbose_name_plural = _("dispositions")

    def __str__(self) -> str:
        return f"{self.req_id} {self.created_at:%Y-%m-%d}"

    def instruction_labels(self) -> list[str]:
        labels = dict(Instruction.choices)
        return [str(labels[code]) for code in self.instructions if code in labels]
