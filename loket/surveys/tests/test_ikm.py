"""The regulation's arithmetic with numbers worked out by hand."""

from decimal import Decimal
from fractions import Fraction

import pytest

from loket.surveys import ikm


def test_it_weighs_each_element_one_ninth_not_0_11():
    # Four respondents. Sums of their answers per element (U1 … U9):
    #   15, 14, 13, 12, 16, 15, 14, 13, 12  → NRR = sum / 4:
    #   3.75, 3.5, 3.25, 3, 4, 3.75, 3.5, 3.25, 3      (Σ NRR = 124/4 = 31)
    # SKM = 31 × 1/9 = 3.4444…;  IKM = 31/9 × 25 = 775/9 = 86.111… → 86.11 (grade B).
    # The 0.11 shortcut gives 31 × 0.11 × 25 = 85.25, and 0.111 gives 86.0250 → 86.03.
    result = ikm.Result(respondents=4, totals=(15, 14, 13, 12, 16, 15, 14, 13, 12))
    assert result.nrrs[0] == Fraction(15, 4)
    assert result.skm == Fraction(31, 9)
    assert result.ikm == Decimal("86.11")
    assert result.grade.letter == "B"
    assert result.ikm != Decimal(31) * Decimal("0.11") * 25


def test_everyone_answering_four_gives_exactly_100():
    # 36 × 1/9 × 25 = 100; the 0.11 shortcut would say 99.00.
    assert ikm.Result(respondents=7, totals=(28,) * 9).ikm == Decimal("100.00")


def test_it_rounds_only_once_at_the_end():
    # Three respondents: sums 10, 10, 10, 10, 10, 10, 10, 10, 11 → Σ NRR = 91/3.
    # IKM = 91/3 × 1/9 × 25 = 2275/27 = 84.259259… → 84.26.
    # Rounding each NRR first (3.33 × 8 + 3.67 = 30.31) would give 84.19.
    result = ikm.Result(respondents=3, totals=(10,) * 8 + (11,))
    assert result.ikm == Decimal("84.26")


def test_it_rounds_half_up():
    assert ikm.round_half_up(Fraction(88305, 1000)) == Decimal("88.31")
    assert ikm.round_half_up(Fraction(88304999, 1000000)) == Decimal("88.30")


@pytest.mark.parametrize(
    "index, letter, mutu",
    [
        ("100.00", "A", "Sangat Baik"),
        ("88.31", "A", "Sangat Baik"),
        ("88.30", "B", "Baik"),
        ("76.61", "B", "Baik"),
        ("76.60", "C", "Kurang Baik"),
        ("65.00", "C", "Kurang Baik"),
        ("64.99", "D", "Tidak Baik"),
        ("25.00", "D", "Tidak Baik"),
    ],
)
def test_grades_follow_the_conversion_table(index, letter, mutu):
    grade = ikm.grade(Decimal(index))
    assert (grade.letter, grade.mutu) == (letter, mutu)


@pytest.mark.parametrize(
    "population, minimum",
    [(300, 169), (2000, 322), (10, 10), (100, 80), (1000, 278), (1, 1), (0, 0)],
)
def test_krejcie_morgan_minimum_sample(population, minimum):
    # 300: 3.841 × 300 × 0.25 / (0.0025 × 299 + 3.841 × 0.25) = 288.075 / 1.70775 = 168.69 → 169
    # 2000: 1920.5 / (0.0025 × 1999 + 0.96025) = 1920.5 / 5.95775 = 322.35 → 322
    assert ikm.minimum_sample(population) == minimum


def test_results_add_up_group_by_group():
    first = ikm.Result(2, (8,) * 9)
    second = ikm.Result(2, (4,) * 9)
    assert (first + second).ikm == Decimal("75.00")
    assert (ikm.NOBODY + first) == first
    assert ikm.NOBODY.ikm is None and ikm.NOBODY.grade is None


def test_the_index_needs_all_nine_elements():
    with pytest.raises(ValueError):
        ikm.skm([Fraction(3)] * 8)
