"""The survey's pages speak English under /en/ and the seed's words in Indonesian."""

import re

import pytest

from loket.portal.tests.test_translations import indonesian_strings, visible_text
from loket.surveys.tests import factories

pytestmark = pytest.mark.django_db
# Words both languages share, and the survey's own name quoted in the English text.
ALLOWED = {"unit", "Unit", "Semester", "Survei Kepuasan Masyarakat"}
REGULATION = "PermenPANRB No. 14 Tahun 2017"


def leftovers(html: str) -> list[str]:
    text = visible_text(html).replace(REGULATION, "")
    return [
        word
        for word in indonesian_strings() - ALLOWED
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    ]


def test_the_questionnaire_in_english(client, completed, requester):
    client.force_login(requester)
    assert leftovers(client.get(f"/en/kuesioner/{completed.ticket}/").content.decode()) == []
    page = client.get(f"/kuesioner/{completed.ticket}/").content.decode()
    assert "Kuesioner" in page and "Kirim jawaban" in page


def test_the_report_in_english(client, service, director):
    factories.response_row(service, factories.answered_at(2026, 3, 2), suggestion="Ok")
    client.force_login(director)
    html = client.get("/en/skm/laporan/", {"unit": "dtik", "periode": "2026-Q1"}).content.decode()
    assert leftovers(html) == []
    assert "Very poor" not in html and "Poor" in html  # 75.00 is grade C
