import datetime

import pytest
from django.utils import timezone

from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.requests import workflow
from loket.requests.tests import factories


@pytest.fixture
def upgrade_service(unit):
    """SOP#24: asks for an application from the registry, 14 working days."""
    return ServiceFactory(
        unit=unit, slug="layanan-upgrade-aplikasi", code="SOP#24", asks_for_application=True
    )


@pytest.fixture
def application(unit):
    return ApplicationFactory(owner_unit=unit, name="SIAKAD")


@pytest.fixture
def submitted(upgrade_service, requester, application):
    return factories.submit(upgrade_service, requester, application=application)


@pytest.fixture
def verified(submitted, unit_admin):
    return workflow.verify(
        submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True)
    )


@pytest.fixture
def forwarded(verified, unit_admin):
    return workflow.forward(verified, by=unit_admin)


@pytest.fixture
def disposed(forwarded, director, staff):
    order = workflow.DispositionOrder(
        staff=[staff],
        instructions=["follow_up"],
        urgency="normal",
        due_date=timezone.localdate() + datetime.timedelta(days=14),
    )
    workflow.dispose(forwarded, by=director, order=order)
    forwarded.refresh_from_db()
    return forwarded


@pytest.fixture
def in_progress(disposed, staff):
    return workflow.start_work(disposed, by=staff)
