import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from loket.requests import workflow
from loket.requests.models import Status
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db
ALL_TICKED = dict.fromkeys(workflow.CHECKLIST, True)


def test_it_walks_the_whole_sop24_path(submitted, requester, unit_admin, director, staff):
    req = workflow.return_for_revision(
        submitted, by=unit_admin, failed_rules=["stamped"], reason="Surat belum distempel."
    )
    assert req.status == Status.RETURNED
    req = workflow.resubmit(
        req,
        by=requester,
        details=factories.details(application=submitted.application),
        letter=factories.letter("surat-revisi.pdf"),
    )
    req = workflow.verify(req, by=unit_admin, checklist=ALL_TICKED)
    req = workflow.forward(req, by=unit_admin)
    order = workflow.DispositionOrder(
        staff=[staff],
        instructions=["follow_up", "report"],
        urgency="urgent",
        due_date=req.due_date,
    )
    workflow.dispose(req, by=director, order=order)
    req = workflow.start_work(req, by=staff)
    workflow.add_note(req, by=staff, note="Modul sedang diuji.", public=True)
    req = workflow.complete(req, by=staff, summary="Modul laporan sudah aktif.")

    assert req.status == Status.COMPLETED
    assert [e.action for e in req.events.all()] == [
        "submit",
        "return_for_revision",
        "resubmit",
        "verify",
        "forward",
        "dispose",
        "start_work",
        "add_note",
        "complete",
    ]
    assert [f.name for f in req.files.filter(kind="letter")] == [
        "surat-permohonan.pdf",
        "surat-revisi.pdf",
    ]
    assert req.current_letter.name == "surat-revisi.pdf"


def test_ticket_numbers_count_per_unit_and_year(upgrade_service, requester, application):
    first = factories.submit(upgrade_service, requester, application=application)
    second = factories.submit(upgrade_service, requester, application=application)
    year = timezone.localdate().year
    assert first.ticket == f"DTIK-{year}-000001"
    assert second.ticket == f"DTIK-{year}-000002"


def test_verifying_needs_every_rule_ticked(submitted, unit_admin):
    with pytest.raises(workflow.TransitionError):
        workflow.verify(submitted, by=unit_admin, checklist={**ALL_TICKED, "stamped": False})
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.events.count() == 1


def test_a_second_verify_is_refused_with_a_message(verified, unit_admin):
    with pytest.raises(workflow.TransitionError, match="Terverifikasi"):
        workflow.verify(verified, by=unit_admin, checklist=ALL_TICKED)
    assert verified.events.filter(action="verify").count() == 1


def test_the_requester_may_cancel_only_before_verification(submitted, verified, requester):
    with pytest.raises(workflow.TransitionError):
        workflow.cancel(verified, by=requester)


def test_only_the_unit_staff_can_receive_a_disposition(forwarded, director, unit_admin):
    order = workflow.DispositionOrder(
        staff=[unit_admin],
        instructions=["follow_up"],
        urgency="normal",
        due_date=forwarded.due_date,
    )
    with pytest.raises(workflow.TransitionError):
        workflow.dispose(forwarded, by=director, order=order)


def test_staff_not_named_in_the_disposition_cannot_start(disposed, unit):
    from loket.accounts.models import Role
    from loket.accounts.tests.factories import person_with_role

    colleague = person_with_role("staf2", Role.STAFF, unit, totp=False)
    with pytest.raises(PermissionDenied):
        workflow.start_work(disposed, by=colleague)


def test_a_redisposition_replaces_the_current_one(in_progress, director, unit):
    from loket.accounts.models import Role
    from loket.accounts.tests.factories import person_with_role

    colleague = person_with_role("staf2", Role.STAFF, unit, totp=False)
    order = workflow.DispositionOrder(
        staff=[colleague],
        instructions=["coordinate"],
        urgency="very_urgent",
        due_date=in_progress.due_date,
    )
    workflow.dispose(in_progress, by=director, order=order)
    in_progress.refresh_from_db()
    assert in_progress.status == Status.DISPOSED
    current = in_progress.dispositions.get(is_current=True)
    assert list(current.staff.all()) == [colleague]
    assert in_progress.dispositions.count() == 2


def test_an_application_outside_the_registry_rule_is_refused(upgrade_service, requester, unit):
    from loket.catalog.tests.factories import ApplicationFactory

    licensed = ApplicationFactory(owner_unit=unit, developed_in_house=False)
    with pytest.raises(workflow.TransitionError):
        factories.submit(upgrade_service, requester, application=licensed)


def test_events_are_never_edited(submitted):
    event = submitted.events.get()
    event.note = "changed"
    with pytest.raises(ValueError):
        event.save()
