"""The SKM questionnaire (its nine elements as data), the answers, and the published results."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from loket.bilingual import Localized

from .ikm import ELEMENTS, GRADES, SCALE, Grade


class Element(models.Model):
    """One element (unsur) of PermenPANRB 14/2017 with its question and four answers, worded
    for each element as the regulation's questionnaire does (1 is the worst, 4 the best)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    code = models.SlugField(_("code"), unique=True)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    question_id = models.TextField(_("question (Bahasa Indonesia)"))
    question_en = models.TextField(_("question (English)"), blank=True)
    answer_1_id = models.CharField(_("answer 1 (Bahasa Indonesia)"), max_length=80)
    answer_1_en = models.CharField(_("answer 1 (English)"), max_length=80, blank=True)
    answer_2_id = models.CharField(_("answer 2 (Bahasa Indonesia)"), max_length=80)
    answer_2_en = models.CharField(_("answer 2 (English)"), max_length=80, blank=True)
    answer_3_id = models.CharField(_("answer 3 (Bahasa Indonesia)"), max_length=80)
    answer_3_en = models.CharField(_("answer 3 (English)"), max_length=80, blank=True)
    answer_4_id = models.CharField(_("answer 4 (Bahasa Indonesia)"), max_length=80)
    answer_4_en = models.CharField(_("answer 4 (English)"), max_length=80, blank=True)

    name = Localized("name")
    question = Localized("question")
    answer_1 = Localized("answer_1")
    answer_2 = Localized("answer_2")
    answer_3 = Localized("answer_3")
    answer_4 = Localized("answer_4")

    class Meta:
        ordering = ["number"]
        verbose_name = _("survey element")
        verbose_name_plural = _("survey elements")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=ELEMENTS), name="element_number_1_9"
            )
        ]

    def __str__(self) -> str:
        return f"U{self.number} {self.name_id}"

    @property
    def field(self) -> str:
        """The column of Response that holds this element's answer."""
        return f"u{self.number}"

    def choices(self) -> list[tuple[int, str]]:
        return [(score, getattr(self, f"answer_{score}")) for score in SCALE]


class Gender(models.TextChoices):
    MALE = "m", _("Male")
    FEMALE = "f", _("Female")


class AgeGroup(models.TextChoices):
    UNDER_20 = "lt20", _("Under 20")
    FROM_20 = "20_29", _("20–29")
    FROM_30 = "30_39", _("30–39")
    FROM_40 = "40_49", _("40–49")
    FROM_50 = "50plus", _("50 or older")


class Education(models.TextChoices):
    SCHOOL = "school", _("Secondary school or lower")
    DIPLOMA = "diploma", _("Diploma (D1–D4)")
    BACHELOR = "s1", _("Bachelor's degree (S1)")
    MASTER = "s2", _("Master's degree (S2)")
    DOCTORATE = "s3", _("Doctorate (S3)")


class Occupation(models.TextChoices):
    STUDENT = "student", _("Student")
    LECTURER = "lecturer", _("Lecturer")
    STAFF = "staff", _("Administrative staff")
    CIVIL_SERVANT = "civil_servant", _("Other civil servant")
    PRIVATE = "private", _("Private sector")
    OTHER = "other", _("Other")


PROFILE = {
    "gender": Gender,
    "age_group": AgeGroup,
    "education": Education,
    "occupation": Occupation,
}


def score(number: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        f"U{number}", validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


def profile_field(verbose, choices) -> models.CharField:
    return models.CharField(verbose, max_length=16, choices=choices.choices, blank=True)


class Response(models.Model):
    """One filled-in questionnaire. It names no person: the request link exists only so that a
    request is answered once, and is cut when the request is erased (the statistics stay)."""

    req = models.OneToOneField(
        "requests.ServiceRequest",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_response",
        verbose_name=_("request"),
    )
    unit = models.ForeignKey("catalog.Unit", models.PROTECT, related_name="+")
    service = models.ForeignKey("catalog.Service", models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)
    # The first day of the answer's month in the portal's time zone: reports group and filter on
    # it directly instead of converting every row's time (see `month_of`).
    month = models.DateField(_("month"))
    # The regulation fixes the elements at nine (each weighs 1/9), so an answer is one row with
    # nine scores, which the reports sum per group in a single query.
    u1, u2, u3, u4, u5, u6, u7, u8, u9 = (score(n) for n in range(1, ELEMENTS + 1))
    gender = profile_field(_("gender"), Gender)
    age_group = profile_field(_("age"), AgeGroup)
    education = profile_field(_("education"), Education)
    occupation = profile_field(_("occupation"), Occupation)
    suggestion = models.TextField(_("suggestion"), blank=True)

    class Meta:
        ordering = ["-answered_at"]
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        indexes = [
            # A unit's months summed from the index alone (the IKM report, the dashboard):
            # without the scores in it, PostgreSQL read every unit's answers of those months.
            # The profile columns ride along so that the report's respondent profile is counted
            # from the same index.
            models.Index(
                fields=["unit", "month"],
                include=[
                    "service",
                    "id",
                    *(f"u{n}" for n in range(1, ELEMENTS + 1)),
                    *PROFILE,
                ],
                name="tallies_by_unit",
            ),
            # The report's suggestions (counted, newest listed): a unit's answers that have one,
            # not every answer of those months read to find them.
            models.Index(
                fields=["unit", "month"],
                include=["answered_at", "id"],
                condition=~Q(suggestion=""),
                name="suggestions_by_unit",
            ),
            models.Index(fields=["service", "month"]),
            models.Index(fields=["month"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"u{n}__gte": 1, f"u{n}__lte": 4}), name=f"response_u{n}_1_4"
            )
            for n in range(1, ELEMENTS + 1)
        ]

    def __str__(self) -> str:
        return f"{self.service_id} {self.answered_at:%Y-%m-%d}"

    @staticmethod
    def month_of(moment: datetime.datetime) -> datetime.date:
        return timezone.localdate(moment).replace(day=1)

    @property
    def scores(self) -> tuple[int, ...]:
        return tuple(getattr(self, f"u{n}") for n in range(1, ELEMENTS + 1))


class MonthlyFigures(models.Model):
    """A month's answers and completed requests of one service, added up by the daily roll-up
    (`manage.py roll_up_skm`, loket/surveys/rollup.py) so that a report over years reads a
    row per service and month instead of every answer and request of those years."""

    unit = models.ForeignKey("catalog.Unit", models.CASCADE, related_name="+")
    service = models.ForeignKey("catalog.Service", models.CASCADE, related_name="+")
    month = models.DateField(_("month"))
    respondents = models.PositiveIntegerField(default=0)
    # The sum of each element's answers (t1 for U1 …), as the report's own query returns them.
    t1, t2, t3, t4, t5, t6, t7, t8, t9 = (
        models.PositiveIntegerField(default=0) for _n in range(ELEMENTS)
    )
    completed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("monthly figures")
        verbose_name_plural = _("monthly figures")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "month", "service"], name="unique_monthly_figures"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_id} {self.month:%Y-%m}"


class RollUp(models.Model):
    """How far the roll-up reaches: every month before `through` is in MonthlyFigures (one row,
    rewritten by each run); later months are read from the answers and requests themselves."""

    through = models.DateField()
    rolled_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"< {self.through}"


class Publication(models.Model):
    """A unit's index for one period, published by its Direktur for the public page (the
    regulation asks that survey results be made public). The figures are kept as published."""

    unit = models.ForeignKey(
        "catalog.Unit", models.CASCADE, related_name="ikm_publications", verbose_name=_("unit")
    )
    period = models.CharField(_("period"), max_length=10)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    respondents = models.PositiveIntegerField(_("respondents"))
    population = models.PositiveIntegerField(_("requests completed"))
    minimum = models.PositiveIntegerField(_("minimum respondents"))
    ikm = models.DecimalField(_("IKM"), max_digits=5, decimal_places=2)
    grade = models.CharField(_("grade"), max_length=1)
    nrrs = models.JSONField(_("NRR per element"), default=list)
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["-ends_on", "-published_at"]
        verbose_name = _("published index")
        verbose_name_plural = _("published indexes")
        constraints = [
            models.UniqueConstraint(fields=["unit", "period"], name="unique_publication_period")
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period} {self.ikm}"

    @property
    def grade_info(self) -> Grade:
        return next(g for g in GRADES if g.letter == self.grade)
