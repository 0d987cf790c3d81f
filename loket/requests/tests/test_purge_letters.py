"""purge_letters: files of finished requests go when their service's retention period runs out."""

import datetime
import io
from datetime import UTC

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from loket.requests import retention, workflow
from loket.requests.models import Attachment
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db

REJECTED_ON = "2026-01-15 10:00 +07:00"


@pytest.fixture
def rejected(requester, application, unit_admin, upgrade_service):
    upgrade_service.letter_retention_months = 12
    upgrade_service.save()
    with time_machine.travel(REJECTED_ON):
        req = factories.submit(upgrade_service, requester, application=application)
        return workflow.reject(req, by=unit_admin, reason="Bukan aplikasi DTIK.")


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("purge_letters", *args, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_it_only_lists_what_would_go_by_default(rejected, django_capture_on_commit_callbacks):
    letter = rejected.current_letter
    with time_machine.travel("2027-01-16 10:00 +07:00"):
        output = run()
    assert f"{rejected.ticket}\tletter\tsurat-permohonan.pdf" in output
    assert "Would delete 1 file(s)" in output
    assert "--execute" in output
    letter.refresh_from_db()
    assert letter.purged_at is None and letter.file.storage.exists(letter.file.name)


def test_it_deletes_the_files_and_says_so_on_the_timeline(
    client, rejected, requester, django_capture_on_commit_callbacks
):
    letter = rejected.current_letter
    path, storage = letter.file.name, letter.file.storage
    with time_machine.travel("2027-01-16 10:00 +07:00"):
        with django_capture_on_commit_callbacks(execute=True):
            output = run("--execute")
    assert "Deleted 1 file(s)" in output
    assert "1/1 requests" in output
    assert not storage.exists(path)
    letter.refresh_from_db()
    assert letter.purged_at and letter.file.name == "" and letter.name == "surat-permohonan.pdf"
    event = rejected.events.last()
    assert (event.action, event.actor, event.data["files"]) == (
        "purge_files",
        None,
        ["surat-permohonan.pdf"],
    )
    client.force_login(requester)
    page = client.get(rejected.get_absolute_url()).content.decode()
    assert "Berkas dihapus: masa simpan layanan telah berakhir" in page
    assert client.get(f"{rejected.get_absolute_url()}berkas/{letter.pk}/").status_code == 404


def test_a_second_run_finds_nothing(rejected, django_capture_on_commit_callbacks):
    with time_machine.travel("2027-01-16 10:00 +07:00"):
        with django_capture_on_commit_callbacks(execute=True):
            run("--execute")
        assert "Would delete 0 file(s)" in run()
    assert rejected.events.filter(action="purge_files").count() == 1


def test_it_keeps_files_inside_the_period(rejected):
    with time_machine.travel("2027-01-14 10:00 +07:00"):
        assert "Would delete 0 file(s)" in run()


def test_it_keeps_files_of_requests_still_running(submitted, upgrade_service):
    upgrade_service.letter_retention_months = 1
    upgrade_service.save()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400)):
        assert not retention.expired_requests().exists()


def test_it_keeps_files_of_services_without_a_period(rejected, upgrade_service):
    upgrade_service.letter_retention_months = None
    upgrade_service.save()
    with time_machine.travel("2030-01-01 10:00 +07:00"):
        assert "Would delete 0 file(s)" in run()
    assert Attachment.objects.filter(purged_at__isnull=True).count() == 1


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (
            datetime.datetime(2027, 3, 31, 9, tzinfo=UTC),
            1,
            datetime.datetime(2027, 2, 28, 9, tzinfo=UTC),
        ),
        (
            datetime.datetime(2027, 1, 15, 9, tzinfo=UTC),
            12,
            datetime.datetime(2026, 1, 15, 9, tzinfo=UTC),
        ),
        (
            datetime.datetime(2027, 1, 15, 9, tzinfo=UTC),
            25,
            datetime.datetime(2024, 12, 15, 9, tzinfo=UTC),
        ),
    ],
)
def test_months_are_calendar_months(moment, months, expected):
    assert retention.months_before(moment, months) == expected
