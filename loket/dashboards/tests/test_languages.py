"""The dashboard and its list speak English under /en/ and the seed's Indonesian without it."""

import re

import pytest

from loket.portal.tests.test_translations import indonesian_strings, visible_text

pytestmark = pytest.mark.django_db
PAGES = ["/dasbor/", "/dasbor/permintaan/?due=overdue"]


@pytest.mark.parametrize("path", PAGES)
def test_english_pages_show_no_indonesian_interface_words(client, director, dataset, today, path):
    client.force_login(director)
    text = visible_text(client.get(f"/en{path}").content.decode())
    # "Semester" is the English word too (the period's type).
    words = indonesian_strings() - {"Semester"}
    leftovers = [word for word in words if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert leftovers == []


def test_the_indonesian_dashboard_uses_the_portals_words(client, director, dataset, today):
    client.force_login(director)
    text = visible_text(client.get("/dasbor/").content.decode())
    for word in ("Dasbor", "Diajukan", "Didisposisikan", "Terlambat", "hari kerja"):
        assert word in text
    page = visible_text(client.get("/dasbor/permintaan/").content.decode())
    assert "Unduh CSV" in page and "Unduh XLSX" in page
