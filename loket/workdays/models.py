import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from loket.bilingual import Localized
from loket.catalog.models import Unit

END_BEFORE_START = _("A closure cannot end before it starts.")


def lineage_ids(unit: Unit) -> list[int]:
    """The unit's id and its ancestors' ids, nearest first, from one query over all units."""
    parents = dict(Unit.objects.values_list("id", "parent_id"))
    ids: list[int] = []
    unit_id: int | None = unit.pk
    # A parent loop entered by mistake must not hang every due-date calculation.
    while unit_id is not None and unit_id not in ids:
        ids.append(unit_id)
        unit_id = parents.get(unit_id)
    return ids


class ClosureQuerySet(models.QuerySet):
    def for_unit(self, unit: Unit) -> "ClosureQuerySet":
        """Closures that shut `unit`: its own, its parent units', and university-wide ones."""
        return self.filter(Q(unit__isnull=True) | Q(unit_id__in=lineage_ids(unit)))

    def overlapping(self, *, start: datetime.date, end: datetime.date) -> "ClosureQuerySet":
        return self.filter(start_date__lte=end, end_date__gte=start)


class Closure(models.Model):
    """Days a unit (or, without a unit, the whole university) is closed beyond national holidays."""

    unit = models.ForeignKey(
        Unit,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="closures",
        verbose_name=_("unit"),
        help_text=_(
            "Leave empty to close the whole university. A unit's closure also closes its sub-units."
        ),
    )
    start_date = models.DateField(_("first closed day"))
    end_date = models.DateField(_("last closed day"))
    reason_id = models.CharField(_("reason (Bahasa Indonesia)"), max_length=200)
    reason_en = models.CharField(_("reason (English)"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    reason = Localized("reason")

    objects = ClosureQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "unit_id"]
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="closure_ends_on_or_after_start",
                violation_error_message=END_BEFORE_START,
                violation_error_code="end_before_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.start_date:%Y-%m-%d}–{self.end_date:%Y-%m-%d} {self.reason_id}"

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": ValidationError(END_BEFORE_START, code="end_before_start")}
            )

    def days(self, *, start: datetime.date, end: datetime.date) -> list[datetime.date]:
        """The closed days that fall within [start, end]."""
        first, last = max(self.start_date, start), min(self.end_date, end)
        return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
