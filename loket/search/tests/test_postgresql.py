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


def test_a_services_words_follow_its_name_standard_category_and_unit(unit):
    from loket.catalog.models import Category, StandardRevision, Unit
    from loket.catalog.tests.factories import ServiceFactory

    service = ServiceFactory(unit=unit, name_id="Akses VPN", name_en="VPN access")

    def names(words, **near):
        return [s.name_id for s in query.services(Criteria(text=words), **near)]

    assert names("vpn") == ["Akses VPN"]
    service.revisions.update(requirements_id="Surat bermeterai")  # no save(): the trigger sees it
    assert names("bermeterai") == ["Akses VPN"]
    StandardRevision.objects.filter(service=service).delete()
    assert names("bermeterai") == []
    Category.objects.filter(pk=service.category_id).update(name_id="Jaringan Kampus")
    Unit.objects.filter(pk=unit.pk).update(code="PUSKOM")
    assert names("kampus") == names("puskom") == ["Akses VPN"]
    service.name_id = "Akses Jarak Jauh"
    service.save()
    assert names("vpn") == ["Akses Jarak Jauh"]  # still in its English name
    assert names("jarak jauhh") == [] and names("jarak jauhh", near=True) == ["Akses Jarak Jauh"]


def test_a_requests_unit_words_follow_its_words_and_unit(filed, superadmin, other_unit):
    req = filed("Modul laporan", description="Tanda tangan elektronik.")
    unit = req.unit_id

    def tagged(words, unit_id=unit):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM requests_servicerequest WHERE id = %s"
                f" AND {query.REQUESTS.column('unit_words')} @@ {query.UNIT_QUERY}",
                [req.pk, unit_id, words],
            )
            return cursor.fetchone()[0] == 1

    assert tagged("laporan") and tagged('"tanda tangan"') and tagged("laporan -presensi")
    assert not tagged('"tangan tanda"') and not tagged("laporan", unit_id=other_unit.pk)
    ServiceRequest.objects.filter(pk=req.pk).update(subject="Modul presensi")
    assert tagged("presensi") and not tagged("laporan")
    ServiceRequest.objects.filter(pk=req.pk).update(unit=other_unit)
    assert tagged("presensi", unit_id=other_unit.pk) and not tagged("presensi")


def test_a_complaints_words_follow_its_text(service, requester, superadmin):
    from loket.complaints.models import Complaint
    from loket.complaints.tests.conftest import file_complaint

    complaint = file_complaint(service, requester, subject="Printer loket rusak")

    def found(words):
        return list(query.complaints(Criteria(text=words), user=superadmin))

    assert found("printer rusak") == [complaint] and found("printr") == []
    Complaint.objects.filter(pk=complaint.pk).update(subject="Antrean panjang")
    assert found("printer") == [] and found("antrean") == [complaint]


def counted_plan(parts) -> str:
    sql, params = parts[0].found.values("pk")[:1001].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: else read whole
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_a_units_part_reads_the_units_entries_of_the_word_index(filed, unit_admin, requester):
    filed("Modul laporan")
    own = counted_plan(query.parts(Criteria(text="laporan"), user=requester))
    assert "requester_id" in own and "search_request_words" not in own  # not every match
    plan = counted_plan(query.parts(Criteria(text="laporan"), user=unit_admin))
    assert "search_request_unit_words" in plan
    assert "search_request_words" not in plan and "unit_id_" not in plan  # no other index
    complaints = query.parts(Criteria(text="printer"), user=unit_admin, table=query.COMPLAINTS)
    assert "search_complaint_unit_words" in counted_plan(complaints)
