"""Who is told what (Rule), how each person wants it (Preference), and the outbox (Message)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Trigger(models.TextChoices):
    """What happened to a request. Status triggers are named after the status reached."""

    SUBMITTED = "submitted", _("Submitted (new request)")
    RESUBMITTED = "resubmitted", _("Resubmitted after a return")
    RETURNED = "returned", pgettext_lazy("request status", "Returned")
    REJECTED = "rejected", pgettext_lazy("request status", "Rejected")
    VERIFIED = "verified", pgettext_lazy("request status", "Verified")
    FORWARDED = "forwarded", pgettext_lazy("request status", "Forwarded")
    DISPOSED = "disposed", pgettext_lazy("request status", "Disposed")
    REDISPOSED = "redisposed", _("Disposed again")
    IN_PROGRESS = "in_progress", pgettext_lazy("request status", "In progress")
    COMPLETED = "completed", pgettext_lazy("request status", "Completed")
    CLOSED = "closed", pgettext_lazy("request status", "Closed")
    CANCELLED = "cancelled", pgettext_lazy("request status", "Cancelled")
    PROGRESS_NOTE = "progress_note", _("Public progress note")
    OVERDUE = "overdue", _("Overdue")
    # Complaints (loket.complaints): their own steps, prefixed so that the words never mix.
    COMPLAINT_RECEIVED = "complaint_received", _("Complaint received")
    COMPLAINT_VERIFIED = "complaint_verified", _("Complaint verified")
    COMPLAINT_NOT_REMIT = "complaint_not_remit", _("Complaint not within the unit's remit")
    COMPLAINT_REJECTED = "complaint_rejected", _("Complaint rejected")
    COMPLAINT_ASSIGNED = "complaint_assigned", _("Complaint assigned for follow-up")
    COMPLAINT_EXTENDED = "complaint_extended", _("Complaint deadline extended")
    COMPLAINT_ANSWERED = "complaint_answered", _("Complaint answered")
    COMPLAINT_REOPENED = "complaint_reopened", _("Complaint reopened")
    COMPLAINT_RESOLVED = "complaint_resolved", _("Complaint resolved")
    COMPLAINT_ESCALATED = "complaint_escalated", _("Overdue complaint escalated")


class Audience(models.TextChoices):
    REQUESTER = "requester", _("Requester")
    UNIT_ADMIN = "unit_admin", _("Unit Admin")
    DIRECTOR = "director", _("Director")
    ASSIGNED_STAFF = "assigned_staff", _("Staff named in the disposition")


class RuleQuerySet(models.QuerySet):
    def active_for(self, trigger: str):
        return self.filter(trigger=trigger, is_active=True)


class Rule(models.Model):
    """One line of the "who is told what" table, edited by superadmins in the Admin Panel."""

    trigger = models.CharField(_("when"), max_length=20, choices=Trigger.choices)
    audience = models.CharField(_("who is told"), max_length=20, choices=Audience.choices)
    is_active = models.BooleanField(_("active"), default=True)
    by_whatsapp = models.BooleanField(_("by WhatsApp"), default=True)
    by_email = models.BooleanField(_("by e-mail"), default=True)

    objects = RuleQuerySet.as_manager()

    class Meta:
        ordering = ["audience", "trigger"]
        verbose_name = _("notification rule")
        verbose_name_plural = _("notification rules")
        constraints = [
            models.UniqueConstraint(fields=["trigger", "audience"], name="unique_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} · {self.get_trigger_display()}"


class Preference(models.Model):
    """A person's channels; without a row both are on. The in-portal inbox always gets it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notification_preference"
    )
    by_whatsapp = models.BooleanField(
        _("WhatsApp"),
        default=True,
        help_text=_("Needs your WhatsApp number and your consent on the profile page."),
    )
    by_email = models.BooleanField(_("E-mail"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)


class ChannelKind(models.TextChoices):
    INBOX = "inbox", _("Notifications")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")


class State(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    DELIVERED = "delivered", _("delivered")
    READ = "read", _("read")
    FAILED = "failed", _("failed")


class MessageQuerySet(models.QuerySet):
    def due(self, now=None):
        """Waiting to be sent, or claimed by a worker whose lease ran out (it died)."""
        now = now or timezone.now()
        return self.filter(
            Q(state=State.QUEUED, next_attempt_at__lte=now)
            | Q(state=State.SENDING, claimed_until__lt=now)
        )

    def inbox_of(self, user):
        return self.filter(recipient=user, channel=ChannelKind.INBOX)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self) -> int:
        """Mark the unread ones read; the page and the API both call this."""
        return self.unread().update(read_at=timezone.now(), state=State.READ)


class Message(models.Model):
    """One outbox row: one recipient, one channel, written in the change's own transaction."""

    key = models.UUIDField(_("message id"), default=uuid.uuid4, unique=True, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=ChannelKind.choices)
    trigger = models.CharField(_("when"), max_length=20, choices=Trigger.choices)
    audience = models.CharField(_("as"), max_length=20, choices=Audience.choices)
    req = models.ForeignKey(
        "requests.ServiceRequest",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("request"),
    )
    event = models.ForeignKey(
        "requests.Event", models.SET_NULL, null=True, blank=True, related_name="notifications"
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("complaint"),
    )
    language = models.CharField(_("language"), max_length=8)
    address = models.CharField(_("sent to"), max_length=254, blank=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    link = models.URLField(_("link"), max_length=500)
    params = models.JSONField(_("template parameters"), default=list, blank=True)

    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    claim = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    # Set (and committed) just before a provider is called, cleared once its answer is stored:
    # a row found with it set was in flight when its worker died, so its fate is unknown.
    in_flight_since = models.DateTimeField(null=True, blank=True)
    provider_id = models.CharField(_("provider's message id"), max_length=200, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    recorded = models.JSONField(_("recorded instead of sent"), null=True, blank=True)
    fallback_for = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="fallback",
        verbose_name=_("fallback for"),
    )

    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed at"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                condition=Q(state__in=["queued", "sending"]),
                name="outbox_due",
            ),
            models.Index(
                fields=["recipient", "-created_at"],
                condition=Q(channel="inbox"),
                name="inbox_by_recipient",
            ),
            models.Index(fields=["provider_id"], name="message_provider_id"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.recipient} · {self.title}"

    @property
    def text(self) -> str:
        """The plain message as a gateway or an e-mail's text part sends it."""
        return f"{self.title}\n\n{self.body}\n\n{self.link}"


class OverdueAlert(models.Model):
    """The Direktur has been told that this request is overdue: once per request."""

    req = models.OneToOneField(
        "requests.ServiceRequest", models.CASCADE, related_name="overdue_alert"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.req_id} {self.created_at:%Y-%m-%d}"


class RecordedMessage(Message):
    """The Admin Panel's view of what the record backend kept instead of sending."""

    class Meta:
        proxy = True
        verbose_name = _("recorded WhatsApp message")
        verbose_name_plural = _("recorded WhatsApp messages (not sent)")
