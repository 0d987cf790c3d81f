"""Lists' dates read exactly as Django's date filter writes them, in both languages."""

import datetime
import zoneinfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

from loket.portal import dates


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_month_reads_as_the_date_filter_writes_it(language):
    with translation.override(language):
        for month in range(1, 13):
            day = datetime.date(2026, month, 7)
            assert dates.short_date(day) == date_format(day, "j M Y")


def test_a_time_is_shown_in_the_portals_time_zone():
    moment = datetime.datetime(2026, 8, 16, 23, 5, tzinfo=datetime.UTC)  # 17 Aug, 06:05 WIB
    with translation.override("id"):
        assert dates.short_datetime(moment) == "17 Agu 2026 06:05"
    with translation.override("en"):
        assert dates.short_datetime(moment) == "17 Aug 2026 06:05"
    local = moment.astimezone(zoneinfo.ZoneInfo("Asia/Jakarta"))
    with translation.override("id"):
        assert dates.short_datetime(moment) == date_format(local, "j M Y H:i")
