from http import HTTPStatus

import pytest

from loket.requests import workflow
from loket.requests.models import Status
from loket.requests.tests.factories import letter, pdf_file

pytestmark = pytest.mark.django_db


def test_riwayat_saya_lists_own_requests_with_status_and_last_update(
    client, requester, other_requester, submitted
):
    client.force_login(requester)
    page = client.get("/riwayat/").content.decode()
    assert submitted.ticket in page and "Diajukan" in page
    client.force_login(other_requester)
    assert submitted.ticket not in client.get("/riwayat/").content.decode()


def test_a_returned_request_shows_its_reason_and_can_be_revised(
    client, requester, submitted, unit_admin
):
    workflow.return_for_revision(
        submitted, by=unit_admin, failed_rules=["stamped"], reason="Surat belum distempel."
    )
    client.force_login(requester)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert "Surat belum distempel." in page
    revise = client.get(f"/permintaan/{submitted.ticket}/kirim-ulang/")
    assert revise.status_code == HTTPStatus.OK
    data = {
        "application": submitted.application_id,
        "subject": "Penambahan modul laporan (revisi)",
        "description": submitted.description,
        "letter_number": submitted.letter_number,
        "letter_date": "2026-11-03",
        "signatory_name": submitted.signatory_name,
        "signatory_position": submitted.signatory_position,
        "requesting_unit": submitted.requesting_unit,
        "whatsapp": "081234567890",
        "letter": pdf_file("surat-distempel.pdf"),
    }
    response = client.post(f"/permintaan/{submitted.ticket}/kirim-ulang/", data)
    assert response.status_code == HTTPStatus.FOUND
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.subject.endswith("(revisi)")
    assert submitted.files.filter(kind="letter").count() == 2


def test_the_requester_sees_only_the_public_timeline(client, requester, in_progress, staff):
    workflow.add_note(in_progress, by=staff, note="Catatan internal tim", public=False)
    workflow.add_note(in_progress, by=staff, note="Sedang diuji coba", public=True)
    client.force_login(requester)
    page = client.get(in_progress.get_absolute_url()).content.decode()
    assert "Sedang diuji coba" in page
    assert "Catatan internal tim" not in page


def test_each_step_lists_its_own_files(client, requester, in_progress, staff):
    workflow.add_note(
        in_progress,
        by=staff,
        note="Hasil uji coba terlampir",
        public=True,
        files=[letter("hasil-uji.pdf")],
    )
    workflow.add_note(in_progress, by=staff, note="Menunggu jadwal rilis", public=True)
    client.force_login(requester)
    page = client.get(in_progress.get_absolute_url()).content.decode()
    timeline = page[page.index('id="timeline-heading"') :]
    steps = timeline.split('<li class="timeline-item')[1:]
    with_file = [step for step in steps if "hasil-uji.pdf" in step]
    assert len(with_file) == 1 and "Hasil uji coba terlampir" in with_file[0]
    filed = next(step for step in steps if "surat-permohonan.pdf" in step)
    assert "Hasil uji coba" not in filed
    assert "Menunggu jadwal rilis" not in with_file[0]


def test_the_completed_request_shows_the_result(client, requester, in_progress, staff):
    workflow.complete(in_progress, by=staff, summary="Modul laporan sudah aktif.")
    client.force_login(requester)
    page = client.get(in_progress.get_absolute_url()).content.decode()
    assert "Modul laporan sudah aktif." in page and "Selesai" in page


def test_the_inbox_shows_each_role_what_waits_for_it(
    client, submitted, forwarded, unit_admin, director
):
    client.force_login(director)
    page = client.get("/kotak-masuk/").content.decode()
    assert forwarded.ticket in page
    client.force_login(unit_admin)
    page = client.get("/kotak-masuk/").content.decode()
    assert "Kotak Masuk" in page


def test_the_inbox_is_for_unit_roles_only(client, requester):
    client.force_login(requester)
    assert client.get("/kotak-masuk/").status_code == HTTPStatus.FORBIDDEN


def test_overdue_requests_are_marked(client, unit_admin, upgrade_service, requester, application):
    import datetime

    import time_machine

    from loket.requests.tests import factories

    with time_machine.travel(datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.UTC)):
        late = factories.submit(upgrade_service, requester, application=application)
    on_time = factories.submit(upgrade_service, requester, application=application)
    client.force_login(unit_admin)
    page = client.get("/kotak-masuk/").content.decode()
    row_of = {
        ticket: page.split(ticket, 1)[1].split("</tr>", 1)[0]
        for ticket in (late.ticket, on_time.ticket)
    }
    assert "Terlambat" in row_of[late.ticket]
    assert "Terlambat" not in row_of[on_time.ticket]


def test_date_fields_are_prefilled_in_the_format_date_inputs_read(
    client, requester, submitted, unit_admin
):
    workflow.return_for_revision(submitted, by=unit_admin, failed_rules=[], reason="Perbaiki.")
    client.force_login(requester)
    page = client.get(f"/permintaan/{submitted.ticket}/kirim-ulang/").content.decode()
    assert f'value="{submitted.letter_date:%Y-%m-%d}"' in page


def test_riwayat_saya_shows_the_newest_requests_a_page_at_a_time(
    client, requester, upgrade_service, application
):
    from loket.requests.tests import factories
    from loket.requests.views import HISTORY_PAGE

    tickets = [
        factories.submit(upgrade_service, requester, application=application).ticket
        for _ in range(HISTORY_PAGE + 2)
    ]
    client.force_login(requester)
    first = client.get("/riwayat/").content.decode()
    assert tickets[-1] in first and tickets[2] in first
    assert tickets[1] not in first and "Halaman 1 dari 2" in first
    second = client.get("/riwayat/?page=2").content.decode()
    assert tickets[0] in second and tickets[1] in second and tickets[2] not in second
    assert client.get("/riwayat/?page=abc").status_code == HTTPStatus.OK


def test_riwayat_saya_shows_the_newest_complaints_a_page_at_a_time(client, requester, service):
    from loket.complaints.tests.conftest import file_complaint
    from loket.requests.views import HISTORY_PAGE

    tickets = [file_complaint(service, requester).ticket for _ in range(HISTORY_PAGE + 1)]
    client.force_login(requester)
    first = client.get("/riwayat/").content.decode()
    assert tickets[-1] in first and tickets[1] in first and tickets[0] not in first
    assert 'aria-label="Halaman keluhan"' in first and "?complaints_page=2" in first
    second = client.get("/riwayat/?complaints_page=2").content.decode()
    assert tickets[0] in second and tickets[1] not in second
    english = client.get("/en/riwayat/?complaints_page=2").content.decode()
    assert 'aria-label="Pages of complaints"' in english and "Page 2 of 2" in english
