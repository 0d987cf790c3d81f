"""The demo portal the guides are tested and photographed on."""

from io import StringIO

from django.core.management import call_command

from loket.accounts.models import User
from loket.catalog.models import Application, Service
from loket.requests import workflow


def load() -> dict[str, User]:
    """`load_demo` (needs DEBUG on for the demo accounts), plus a verified request, which the
    demo lacks, so that every action form of SOP#24 is on some page. The demo accounts by name."""
    from loket.requests.tests import factories

    call_command("load_demo", stdout=StringIO())
    people = {u.username: u for u in User.objects.all()}
    service = Service.objects.get(code="SOP#24")
    app = Application.objects.upgradable().filter(owner_unit=service.unit).first()
    req = factories.submit(service, people["pemohon"], application=app)
    workflow.verify(req, by=people["adminunit"], checklist=dict.fromkeys(workflow.CHECKLIST, True))
    return people
