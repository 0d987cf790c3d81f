"""The demo portal the guides are tested and photographed on."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from loket.accounts.models import User
from loket.catalog.models import Application, Service
from loket.requests import workflow
from loket.requests.demo import demo_letter

SUBJECT = "Penambahan menu rekap kehadiran dosen"


def load() -> dict[str, User]:
    """`load_demo` (needs DEBUG on for the demo accounts), plus a verified request, which the
    demo lacks, so that every action form of SOP#24 is on some page. The demo accounts by name."""
    call_command("load_demo", stdout=StringIO())
    people = {u.username: u for u in User.objects.all()}
    service = Service.objects.get(code="SOP#24")
    app = Application.objects.upgradable().filter(owner_unit=service.unit).first()
    details = workflow.Details(
        subject=SUBJECT,
        description=f"Mohon {SUBJECT.lower()} pada aplikasi {app.name}.",
        application=app,
        letter_number="321/UN.FK/TI/2026",
        letter_date=timezone.localdate() - datetime.timedelta(days=2),
        signatory_name="Dr. Contoh Pimpinan, M.Kes.",
        signatory_position="Dekan Fakultas Kedokteran",
        requesting_unit="Fakultas Kedokteran",
        whatsapp="+6281234567890",
    )
    req = workflow.submit(
        service, requester=people["pemohon"], details=details, letter=demo_letter(SUBJECT)
    )
    workflow.verify(req, by=people["adminunit"], checklist=dict.fromkeys(workflow.CHECKLIST, True))
    return people
