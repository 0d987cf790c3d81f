"""Demo complaints (invented), made through the workflow: one just received, one answered (so
that a reopening can be shown), and one resolved with a hidden identity."""

from django.db import transaction

from loket.accounts.models import User
from loket.catalog.models import Service

from . import workflow
from .models import Complaint

# subject, description, identity hidden, how far it goes
STORIES = [
    (
        "Formulir permintaan sulit ditemukan",
        "Tautan Buat Permintaan tidak terlihat di ponsel saya sampai saya menggulir jauh.",
        False,
        "received",
    ),
    (
        "Tidak ada kabar setelah verifikasi",
        "Permintaan saya sudah diverifikasi seminggu lalu, tetapi belum ada kabar lanjutan.",
        False,
        "answered",
    ),
    (
        "Petugas meminta berkas di luar persyaratan",
        "Saya diminta membawa surat tambahan yang tidak tercantum di Persyaratan.",
        True,
        "resolved",
    ),
]


@transaction.atomic
def load() -> int:
    """Create the demo complaints once; returns how many were made now."""
    complainant = User.objects.get(username="pemohon")
    if Complaint.objects.filter(complainant=complainant).exists():
        return 0
    people = {u.username: u for u in User.objects.filter(username__in=["adminunit", "staf"])}
    admin, staff = people["adminunit"], people["staf"]
    service = Service.objects.get(code="SOP#24")
    for subject, description, hidden, goal in STORIES:
        details = workflow.Details(subject=subject, description=description, hide_identity=hidden)
        complaint = workflow.submit(service, complainant=complainant, details=details)
        if goal == "received":
            continue
        workflow.verify(complaint, by=admin, note="Keluhan lengkap dan jelas.")
        workflow.assign(complaint, by=admin, staff=staff, note="Mohon ditindaklanjuti.")
        workflow.answer(
            complaint,
            by=staff,
            text="Terima kasih atas masukannya. Kami sudah memperbaiki alurnya dan "
            "akan mengabari setiap tahap melalui WhatsApp.",
        )
        if goal == "resolved":
            workflow.confirm(complaint, by=complainant, note="Terima kasih.")
    return len(STORIES)
