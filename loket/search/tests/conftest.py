import datetime

import pytest
from django.utils import timezone

from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.requests import workflow
from loket.requests.tests import factories

ALL_TICKED = dict.fromkeys(workflow.CHECKLIST, True)


@pytest.fixture
def upgrade_service(unit):
    return ServiceFactory(
        unit=unit,
        slug="layanan-upgrade-aplikasi",
        code="SOP#24",
        name_id="Layanan Upgrade Aplikasi",
        name_en="Application Upgrade Service",
        asks_for_application=True,
    )


@pytest.fixture
def room_service(other_unit):
    return ServiceFactory(
        unit=other_unit,
        slug="peminjaman-ruang",
        name_id="Peminjaman Ruang Baca",
        name_en="Reading Room Booking",
    )


@pytest.fixture
def application(unit):
    return ApplicationFactory(owner_unit=unit, name="SIAKAD")


def dispose_to(req, *, unit_admin, director, staff):
    workflow.verify(req, by=unit_admin, checklist=ALL_TICKED)
    workflow.forward(req, by=unit_admin)
    order = workflow.DispositionOrder(
        staff=[staff],
        instructions=["follow_up"],
        urgency="normal",
        due_date=timezone.localdate() + datetime.timedelta(days=14),
    )
    workflow.dispose(req, by=director, order=order)
    req.refresh_from_db()
    return req


@pytest.fixture
def cooperation_requests(
    upgrade_service,
    room_service,
    application,
    requester,
    other_requester,
    unit_admin,
    director,
    staff,
):
    """Three requests that all mention "kerjasama": the requester's own at DTIK (disposed to
    the staff member), another requester's at DTIK, and that other requester's at the library."""
    own = factories.submit(
        upgrade_service, requester, application=application, subject="Modul kerjasama alfa"
    )
    dispose_to(own, unit_admin=unit_admin, director=director, staff=staff)
    other = factories.submit(
        upgrade_service, other_requester, application=application, subject="Modul kerjasama beta"
    )
    elsewhere = factories.submit(room_service, other_requester, subject="Ruang kerjasama gamma")
    return {"own": own, "other": other, "elsewhere": elsewhere}
