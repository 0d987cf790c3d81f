"""Closures entered by units, combined with the national calendar."""

from datetime import date

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import RequestFactory
from django.utils import translation

from loket.catalog.tests.factories import UnitFactory
from loket.workdays.models import Closure
from loket.workdays.service import closed_days, due_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def sub_unit(unit):
    return UnitFactory(code="SISFO", parent=unit, name_id="Subdirektorat Sistem Informasi")


def close(unit, start: date, end: date, reason: str = "Pindahan kantor") -> Closure:
    return Closure.objects.create(unit=unit, start_date=start, end_date=end, reason_id=reason)


def test_it_skips_a_unit_closure(unit):
    close(unit, date(2026, 7, 13), date(2026, 7, 14))
    # Thursday 9 July + 3: Fri 10 (1), [Sat, Sun, Mon 13 and Tue 14 closed], Wed 15 (2), Thu 16 (3)
    assert due_date(unit, start=date(2026, 7, 9), days=3) == date(2026, 7, 16)


def test_it_applies_a_parent_units_closure_to_its_sub_units(unit, sub_unit):
    close(unit, date(2026, 7, 13), date(2026, 7, 13))
    assert due_date(sub_unit, start=date(2026, 7, 10), days=1) == date(2026, 7, 14)


def test_it_does_not_apply_a_sub_units_closure_to_its_parent(unit, sub_unit):
    close(sub_unit, date(2026, 7, 13), date(2026, 7, 13))
    assert due_date(unit, start=date(2026, 7, 10), days=1) == date(2026, 7, 13)


def test_it_lists_the_closures_of_a_unit_its_parents_and_the_university(unit, sub_unit, other_unit):
    own = close(sub_unit, date(2026, 7, 13), date(2026, 7, 13))
    parents = close(unit, date(2026, 7, 14), date(2026, 7, 14))
    everyones = close(None, date(2026, 7, 15), date(2026, 7, 15))
    close(other_unit, date(2026, 7, 16), date(2026, 7, 16))
    assert set(Closure.objects.for_unit(sub_unit)) == {own, parents, everyones}
    assert set(Closure.objects.for_unit(unit)) == {parents, everyones}


def test_it_keeps_other_units_closures_apart(unit, other_unit):
    close(other_unit, date(2026, 7, 13), date(2026, 7, 13))
    assert date(2026, 7, 13) not in closed_days(unit, start=date(2026, 7, 1), end=date(2026, 7, 31))


def test_it_applies_a_university_wide_closure_to_every_unit(unit, sub_unit, other_unit):
    close(None, date(2026, 7, 13), date(2026, 7, 13), reason="Dies Natalis")
    for each in (unit, sub_unit, other_unit):
        assert date(2026, 7, 13) in closed_days(each, start=date(2026, 7, 1), end=date(2026, 7, 31))


def test_it_combines_national_and_unit_closures_within_the_span(unit):
    close(unit, date(2026, 8, 12), date(2026, 8, 20))
    days = closed_days(unit, start=date(2026, 8, 14), end=date(2026, 8, 31))
    assert days == {
        date(2026, 8, 14),
        date(2026, 8, 15),
        date(2026, 8, 16),
        date(2026, 8, 17),
        date(2026, 8, 18),
        date(2026, 8, 19),
        date(2026, 8, 20),
        date(2026, 8, 25),
    }


def test_it_reads_the_calendar_in_two_queries(unit, sub_unit, django_assert_max_num_queries):
    close(unit, date(2026, 7, 13), date(2026, 7, 13))
    close(None, date(2026, 7, 20), date(2026, 7, 21))
    with django_assert_max_num_queries(2):
        closed_days(sub_unit, start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_it_looks_further_ahead_when_a_closure_is_long(unit):
    close(unit, date(2026, 7, 2), date(2026, 9, 30))
    assert due_date(unit, start=date(2026, 7, 1), days=1) == date(2026, 10, 1)


def test_it_extends_a_due_date_by_a_return_period(unit):
    close(unit, date(2026, 8, 31), date(2026, 8, 31))
    # 14 days from Mon 10 August plus 3 spent returned, as in test_calendar, now with Mon 31
    # closed: Tue 1 (13), Wed 2 (14), Thu 3 (15), Fri 4 (16), Mon 7 September (17)
    assert due_date(unit, start=date(2026, 8, 10), days=14 + 3) == date(2026, 9, 7)


def test_it_refuses_a_closure_that_ends_before_it_starts(unit):
    closure = Closure(
        unit=unit, start_date=date(2026, 7, 14), end_date=date(2026, 7, 13), reason_id="x"
    )
    with pytest.raises(ValidationError) as refused:
        closure.full_clean()
    assert [e.code for e in refused.value.error_dict["end_date"]] == ["end_before_start"]
    with pytest.raises(IntegrityError):
        closure.save()


def test_it_takes_closures_from_the_admin_form(unit, superadmin):
    request = RequestFactory().get("/")
    request.user = superadmin
    form_class = admin.site.get_model_admin(Closure).get_form(request)
    data = {
        "unit": unit.pk,
        "start_date": "2026-07-13",
        "end_date": "2026-07-13",
        "reason_id": "Rapat kerja",
    }
    form = form_class(data)
    assert form.is_valid(), form.errors
    form.save()
    assert date(2026, 7, 13) in closed_days(unit, start=date(2026, 7, 13), end=date(2026, 7, 13))


def test_it_refuses_a_backwards_closure_in_the_admin_form(unit, superadmin):
    request = RequestFactory().get("/")
    request.user = superadmin
    form_class = admin.site.get_model_admin(Closure).get_form(request)
    data = {"unit": "", "start_date": "2026-07-14", "end_date": "2026-07-13", "reason_id": "Rapat"}
    form = form_class(data)
    assert not form.is_valid()
    assert form.errors.as_data()["end_date"][0].code == "end_before_start"


def test_it_shows_the_reason_in_the_active_language(unit):
    closure = Closure(unit=unit, reason_id="Pindahan kantor", reason_en="Office move")
    assert closure.reason == "Pindahan kantor"
    with translation.override("en"):
        assert closure.reason == "Office move"
