from io import StringIO

import pytest
from django.core.management import call_command

from loket.accounts.models import User
from loket.catalog.models import Application, Service
from loket.requests import workflow
from loket.requests.tests import factories
from loket.requests.tests.conftest import application, submitted, upgrade_service  # noqa: F401


@pytest.fixture
def demo(db, settings):
    """The demo portal of `make run`: 26 services, the demo accounts and a request at each step,
    plus a verified one (the demo has none) so that every action form of SOP#24 is on a page."""
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    people = {u.username: u for u in User.objects.all()}
    service = Service.objects.get(code="SOP#24")
    app = Application.objects.upgradable().filter(owner_unit=service.unit).first()
    req = factories.submit(service, people["pemohon"], application=app)
    workflow.verify(req, by=people["adminunit"], checklist=dict.fromkeys(workflow.CHECKLIST, True))
    return people
