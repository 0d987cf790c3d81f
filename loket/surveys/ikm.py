"""The satisfaction index (Indeks Kepuasan Masyarakat) exactly as PermenPANRB No. 14 Tahun 2017
computes it. Pure arithmetic on whole numbers and fractions: no ORM, no floats.

- NRR (nilai rata-rata) of an element = the sum of its answers / the number of respondents.
- SKM = the sum of the nine NRRs, each weighted 1/9. The regulation prints the weight as "0,111"
  and many spreadsheets use 0.11; both shortcuts shift the index, so the weight stays a fraction.
- IKM = SKM × 25 (the 1–4 scale converted to 25–100), rounded half up to two decimals only at the
  very end, and graded on the regulation's conversion table (A ≥ 88.31, B ≥ 76.61, C ≥ 65.00).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

ELEMENTS = 9
WEIGHT = Fraction(1, ELEMENTS)
SCALE = range(1, 5)  # 1 tidak baik … 4 sangat baik
CONVERSION = 25

# Krejcie–Morgan, as the regulation's appendix uses it: chi-square for one degree of freedom at
# 95% confidence, the population proportion that gives the largest sample, a 5% margin of error.
CHI_SQUARE = Fraction("3.841")
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)


@dataclass(frozen=True)
class Grade:
    letter: str
    floor: Decimal
    mutu: str  # the regulation's own words, kept for exports in Indonesian
    label: str  # the words of the page's language

    def __str__(self) -> str:
        return str(self.label)


GRADES = (
    Grade("A", Decimal("88.31"), "Sangat Baik", pgettext_lazy("service quality", "Very good")),
    Grade("B", Decimal("76.61"), "Baik", pgettext_lazy("service quality", "Good")),
    Grade("C", Decimal("65.00"), "Kurang Baik", pgettext_lazy("service quality", "Poor")),
    Grade("D", Decimal("25.00"), "Tidak Baik", pgettext_lazy("service quality", "Very poor")),
)
UNGRADED = _("No answers yet")


def nrr(total: int, respondents: int) -> Fraction:
    """The mean of one element's answers."""
    if respondents <= 0:
        raise ValueError("An element's mean needs at least one respondent.")
    return Fraction(total, respondents)


def skm(nrrs: Sequence[Fraction]) -> Fraction:
    if len(nrrs) != ELEMENTS:
        raise ValueError(f"The index weighs exactly {ELEMENTS} elements, not {len(nrrs)}.")
    return sum(nrrs, Fraction(0)) * WEIGHT


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Exact: the fraction is rounded once, never passed through a float."""
    scaled = value * 10**places
    whole, rest = divmod(scaled.numerator, scaled.denominator)
    if 2 * rest >= scaled.denominator:
        whole += 1
    return Decimal(whole).scaleb(-places)


def ikm(nrrs: Sequence[Fraction]) -> Decimal:
    return round_half_up(skm(nrrs) * CONVERSION)


def converted(value: Fraction) -> Decimal:
    """An element's NRR on the index's 25–100 scale (the regulation's "nilai interval konversi")."""
    return round_half_up(value * CONVERSION)


def grade(index: Decimal) -> Grade:
    """The conversion table of the regulation; `index` is the already rounded IKM."""
    for candidate in GRADES:
        if index >= candidate.floor:
            return candidate
    return GRADES[-1]


def minimum_sample(population: int) -> int:
    """Krejcie–Morgan: S = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), to the nearest whole respondent
    (its published table: 169 of 300, 322 of 2,000)."""
    if population <= 0:
        return 0
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    size = spread * population / (MARGIN**2 * (population - 1) + spread)
    return int(round_half_up(size, 0))


@dataclass(frozen=True)
class Result:
    """The index of one group of respondents, from the per-element sums the database returns.
    Its figures are worked out once: a report page shows each several times."""

    respondents: int
    totals: tuple[int, ...]

    @property
    def answered(self) -> bool:
        return self.respondents > 0

    @cached_property
    def nrrs(self) -> list[Fraction]:
        return [nrr(total, self.respondents) for total in self.totals]

    @cached_property
    def skm(self) -> Fraction:
        return skm(self.nrrs)

    @cached_property
    def ikm(self) -> Decimal | None:
        return ikm(self.nrrs) if self.answered else None

    @cached_property
    def grade(self) -> Grade | None:
        return grade(self.ikm) if self.answered else None

    def __add__(self, other: "Result") -> "Result":
        totals = tuple(a + b for a, b in zip(self.totals, other.totals, strict=True))
        return Result(self.respondents + other.respondents, totals)


NOBODY = Result(0, (0,) * ELEMENTS)


def total(results: Sequence[Result]) -> Result:
    """Several groups as one, adding each element's sums once rather than pair by pair."""
    if not results:
        return NOBODY
    totals = tuple(map(sum, zip(*(result.totals for result in results), strict=True)))
    return Result(sum(result.respondents for result in results), totals)
