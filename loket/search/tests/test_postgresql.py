"""What only PostgreSQL does: accents ignored, misspelt words replaced by near ones (trigrams over
the list of words), the column and list migration 0001's trigger keeps, and their GIN indexes
used by the very queries the page runs. (SQLite matches words with icontains.)"""

import pytest
from django.db import connection

from loket.requests.models import ServiceRequest
from loket.requests.tests import factories
from loket.search import query
from loket.search.models import Word
from loket.search.query import Criteria

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search"),
]


def subjects(found) -> list[str]:
    return [req.subject for req in found]


@pytest.fixture
def filed(upgrade_service, requester, application):
    def file(subject: str, **details):
        return factories.submit(
            upgrade_service, requester, application=application, subject=subject, **details
        )

    return file


def test_accents_and_case_are_ignored_both_ways(filed, requester):
    filed("Pemindahan server Gédung Rektorat", description="Rincian terlampir.")
    for words in ("gedung rektorat", "GÉDUNG", "gédung"):
        assert subjects(query.requests(Criteria(text=words), user=requester)) == [
            "Pemindahan server Gédung Rektorat"
        ]


def test_words_are_not_stemmed(filed, requester):
    filed("Perbaikan laporan", description="Rincian terlampir.")
    assert subjects(query.requests(Criteria(text="laporan"), user=requester))
    assert not subjects(query.requests(Criteria(text="lapor"), user=requester))


def test_a_misspelt_word_is_replaced_by_the_nearest_word_requests_have(
    filed, client, requester, other_requester
):
    filed("Integrasi SIAKAD dengan presensi", description="Rincian terlampir.")
    assert Word.objects.filter(word__in=["siakad", "presensi", "integrasi"]).count() == 3
    assert not Word.objects.filter(word__startswith="123")  # numbers are not suggested
    assert query.suggestion(Criteria(text="siakat presensi")) == "siakad presensi"
    assert query.suggestion(Criteria(text="siakad")) == ""  # nothing to correct
    client.force_login(requester)
    page = client.get("/pencarian/", {"q": "integrasi siakat"}).content.decode()
    assert "tidak ada permintaan yang persis" in page.lower() and "“integrasi siakad”" in page
    assert "Integrasi <mark>SIAKAD</mark>" in page.replace("<mark>Integrasi</mark>", "Integrasi")
    client.force_login(other_requester)  # the word is known, the request stays invisible
    page = client.get("/pencarian/", {"q": "siakat", "type": "requests"}).content.decode()
    assert "SIAKAD dengan presensi" not in page


def test_services_are_found_without_accents_and_near(unit):
    from loket.catalog.tests.factories import ServiceFactory

    ServiceFactory(unit=unit, name_id="Pembuatan Akun Surél", name_en="E-mail account")
    assert [s.name_id for s in query.services(Criteria(text="surel"))] == ["Pembuatan Akun Surél"]
    assert [s.name_id for s in query.services(Criteria(text="pembuatn"), near=True)] == [
        "Pembuatan Akun Surél"
    ]


def plan(queryset) -> str:
    with connection.cursor() as cursor:
        # A few rows: left alone, the planner reads the table or the date index instead.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_queries_use_the_indexes(filed, superadmin):
    # A superadmin sees every request, so the plan hinges on the search condition alone.
    filed("Modul laporan")
    words = query.requests(Criteria(text="laporan"), user=superadmin)
    ticket = query.requests(Criteria(text="DTIK-2026-0000"), user=superadmin)
    assert "search_request_words" in plan(words)
    assert "ticket" in plan(ticket) and "Seq Scan" not in plan(ticket)
    assert ServiceRequest.objects.count() == 1
    with connection.cursor() as cursor:  # on a list this small, reading it whole is cheaper
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_word_near'")
        assert "gin (word gin_trgm_ops)" in cursor.fetchone()[0]


def test_the_trigger_keeps_the_words_when_a_request_changes(filed, superadmin):
    req = filed("Modul laporan", description="Rincian terlampir.")
    assert query.requests(Criteria(text="laporan"), user=superadmin).get() == req
    ServiceRequest.objects.filter(pk=req.pk).update(subject="Modul presensi")
    assert not query.requests(Criteria(text="laporan"), user=superadmin).exists()
    assert query.requests(Criteria(text="presensi"), user=superadmin).get() == req
