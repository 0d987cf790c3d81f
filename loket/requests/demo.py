"""Demo requests in every step of SOP#24, made through the workflow as people would make them."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from loket.accounts.models import User
from loket.catalog.models import Application, Service

from . import workflow
from .forms import checked_upload
from .models import ServiceRequest

ALL_TICKED = dict.fromkeys(workflow.CHECKLIST, True)
# subject, application, how far it goes
STORIES = [
    ("Penambahan modul cetak transkrip sementara", "SIAKAD", "submitted"),
    ("Integrasi presensi dengan jadwal kerja", "Presensi Pegawai", "returned"),
    ("Perbaikan kinerja halaman rekap nilai", "SIAKAD", "forwarded"),
    ("Fitur unggah berkas kenaikan pangkat", "Sistem Informasi Kepegawaian (SIMPEG)", "disposed"),
    ("Pembaruan tampilan laman repositori", "Repositori Institusi", "in_progress"),
    ("Notifikasi tenggat tugas di e-learning", "SPADA (e-Learning)", "completed"),
]


def demo_letter(subject: str) -> workflow.Upload:
    html = render_to_string("requests/demo_letter.html", {"subject": subject})
    pdf = HTML(string=html).write_pdf()
    return checked_upload(SimpleUploadedFile("surat-permohonan.pdf", pdf))


@transaction.atomic
def load() -> int:
    """Create the demo requests once; returns how many were made now."""
    requester = User.objects.get(username="pemohon")
    if ServiceRequest.objects.filter(requester=requester).exists():
        return 0
    people = {
        u.username: u for u in User.objects.filter(username__in=["adminunit", "direktur", "staf"])
    }
    service = Service.objects.get(code="SOP#24")
    applications = {a.name: a for a in Application.objects.upgradable()}
    for subject, app_name, goal in STORIES:
        application = applications.get(app_name) or next(iter(applications.values()))
        req = workflow.submit(
            service,
            requester=requester,
            details=_details(subject, application),
            letter=demo_letter(subject),
        )
        _advance(req, goal, people)
    return len(STORIES)


def _details(subject: str, application) -> workflow.Details:
    return workflow.Details(
        subject=subject,
        description=f"Mohon {subject.lower()} pada aplikasi {application.name}.",
        desired_features="Dapat digunakan oleh seluruh program studi.",
        application=application,
        letter_number=f"{abs(hash(subject)) % 900 + 100}/UN.FT/TI/{timezone.localdate().year}",
        letter_date=timezone.localdate() - datetime.timedelta(days=3),
        signatory_name="Dr. Contoh Pimpinan, M.T.",
        signatory_position="Dekan Fakultas Teknik",
        requesting_unit="Fakultas Teknik",
        whatsapp="+6281234567890",
    )


def _advance(req: ServiceRequest, goal: str, people: dict[str, User]) -> None:
    admin, director, staff = people["adminunit"], people["direktur"], people["staf"]
    if goal == "submitted":
        return
    if goal == "returned":
        workflow.return_for_revision(
            req, by=admin, failed_rules=["stamped"], reason="Surat belum dibubuhi stempel unit."
        )
        return
    workflow.verify(req, by=admin, checklist=ALL_TICKED, note="Surat lengkap.")
    workflow.forward(req, by=admin)
    if goal == "forwarded":
        return
    order = workflow.DispositionOrder(
        staff=[staff], instructions=["follow_up", "report"], urgency="normal", due_date=req.due_date
    )
    workflow.dispose(req, by=director, order=order)
    if goal == "disposed":
        return
    workflow.start_work(req, by=staff)
    workflow.add_note(
        req, by=staff, note="Analisis kebutuhan selesai; pengembangan dimulai.", public=True
    )
    if goal == "completed":
        workflow.complete(req, by=staff, summary="Fitur sudah aktif di lingkungan produksi.")
