"""The bench's scenarios over the seeded university: who asks for what, with which session."""

import datetime
import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.utils import timezone
from PIL import Image

from loket.accounts.models import Role, User
from loket.catalog.models import Application, Service, Unit
from loket.multipart import multipart
from loket.requests import workflow
from loket.requests.forms import checked_upload
from loket.requests.models import Event, ServiceRequest, Status
from loket.search.management.commands.bench_search import WORDS

from . import sessions, university
from .load import Scenario

CONNECTIONS = 10
PDF_BYTES = 300 * 1024
ACTION_REQUESTS = 10
LABELS = {
    "ceiling": "Ceiling (constant page)",
    "ceiling_signed_in": "Ceiling, signed in (Admin Unit)",
    "home": "Halaman Depan",
    "service": "Service page",
    "history": "Riwayat Saya (200 requests)",
    "inbox": "Admin Unit inbox",
    "dashboard": "Direktur dashboard",
    "request": "Request page with timeline",
    "search_words": "Search by words",
    "search_ticket": "Search by ticket number",
    "create": "Buat Permintaan, 300 KB PDF",
    "action": "Workflow action (progress note)",
    "ikm": "IKM report for a year",
}


def letter_pdf(size: int = PDF_BYTES) -> bytes:
    """A scanned letter: one page holding a JPEG of about `size` bytes (noise compresses
    badly, so its size is steered by the image's height)."""
    rng = random.Random(5)
    width, height = 1000, max(50, size // 560)
    image = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    buffer = io.BytesIO()
    image.save(buffer, "PDF", resolution=150.0)
    return buffer.getvalue()


class Cast:
    """The people the scenarios sign in as, each with a session on the served portal."""

    def __init__(self, secret_key: str):
        self.secret_key, self.csrf = secret_key, sessions.csrf_secret()
        units = list(university.bench_units().order_by("code"))
        self.units = units[:CONNECTIONS]
        # New requests and notes go to a unit the inbox and request scenarios do not read, so
        # that repeated runs leave what those scenarios measure as it was.
        self.writing_unit = units[-1]

    def cookie(self, user: User | None) -> str:
        key = sessions.sign_in(user, secret_key=self.secret_key) if user else None
        return sessions.cookie_header(key, self.csrf)

    def role_holders(self, role: str) -> list[tuple[Unit, str]]:
        names = {unit: f"bench-{role_word(role)}-{unit.slug}" for unit in self.units}
        return [(unit, self.cookie(User.objects.get(username=n))) for unit, n in names.items()]


def role_word(role: str) -> str:
    return {Role.UNIT_ADMIN: "admin", Role.DIRECTOR: "director", Role.STAFF: "staff"}[role]


def build(cast: Cast, run_id: str) -> list[Scenario]:
    rng = random.Random(11)
    admins = cast.role_holders(Role.UNIT_ADMIN)
    directors = cast.role_holders(Role.DIRECTOR)
    heavy = cast.cookie(User.objects.get(username=university.HEAVY_REQUESTER))
    services = list(
        Service.objects.filter(unit__in=university.bench_units()).values_list("slug", flat=True)
    )
    tickets = {
        unit.pk: list(
            ServiceRequest.objects.filter(unit=unit, status=Status.CLOSED)
            .order_by("-pk")
            .values_list("ticket", flat=True)[:20]
        )
        for unit, _cookie in admins
    }
    year = timezone.localdate().year
    return [
        # What signing in alone costs: the constant page with a session (the session, the
        # person, their roles and their authenticator app are read on every request).
        Scenario("ceiling_signed_in", [(cookie, "/bench/ceiling/") for _u, cookie in admins]),
        Scenario("home", [(None, "/"), (None, "/en/")]),
        Scenario(
            "service",
            [
                (None, f"{lang}/layanan/{slug}/")
                for slug in rng.sample(services, 30)
                for lang in ("", "/en")
            ],
        ),
        Scenario("history", [(heavy, "/riwayat/")]),
        Scenario("inbox", [(cookie, "/kotak-masuk/") for _unit, cookie in admins]),
        Scenario("dashboard", [(cookie, "/dasbor/") for _unit, cookie in directors]),
        Scenario(
            "request",
            [(cookie, f"/permintaan/{t}/") for unit, cookie in admins for t in tickets[unit.pk]],
        ),
        Scenario(
            "search_words",
            [
                (cookie, f"/pencarian/?q={w.replace(' ', '+')}")
                for _u, cookie in admins
                for w in WORDS
            ],
        ),
        Scenario(
            "search_ticket",
            [(cookie, f"/pencarian/?q={t}") for unit, cookie in admins for t in tickets[unit.pk]],
        ),
        create_scenario(cast, run_id),
        action_scenario(cast, run_id),
        Scenario(
            "ikm",
            [
                (cookie, f"/skm/laporan/?unit={unit.slug}&periode={year}")
                for unit, cookie in directors
            ],
        ),
    ]


def create_scenario(cast: Cast, run_id: str) -> Scenario:
    service = Service.objects.get(slug=f"{cast.writing_unit.slug}-layanan-1")
    application = Application.objects.upgradable().filter(owner_unit=service.unit).first()
    requesters = User.objects.filter(username__startswith="bench-user-").order_by("pk")[
        :CONNECTIONS
    ]
    body, content_type = multipart(
        {
            "csrfmiddlewaretoken": cast.csrf,
            "application": str(application.pk),
            "subject": "Penambahan fitur ekspor laporan",
            "description": "Mohon ditambahkan ekspor laporan semester ke XLSX.",
            "letter_number": f"BENCH-{run_id}-@@N@@",
            "letter_date": timezone.localdate().isoformat(),
            "signatory_name": "Dr. Contoh Pimpinan",
            "signatory_position": "Dekan",
            "requesting_unit": "Fakultas Teknik",
            "whatsapp": "0812-3456-7890",
        },
        {"letter": ("surat-permohonan.pdf", letter_pdf(), "application/pdf")},
    )
    path = f"/layanan/{service.slug}/permintaan/"
    return Scenario(
        "create",
        [(cast.cookie(user), path) for user in requesters],
        method="POST",
        expect=(302,),
        body=body,
        content_type=content_type,
    )


def action_scenario(cast: Cast, run_id: str) -> Scenario:
    """Staff add progress notes to requests in progress, prepared through the workflow."""
    reqs = action_requests(cast.writing_unit)
    staff = reqs[0].dispositions.get(is_current=True).staff.get()
    body, content_type = multipart(
        {
            "csrfmiddlewaretoken": cast.csrf,
            "add_note-note": f"Catatan kemajuan {run_id}-@@N@@",
            "add_note-public": "on",
        },
        {},
    )
    cookie = cast.cookie(staff)
    return Scenario(
        "action",
        [(cookie, f"/permintaan/{req.ticket}/add_note/") for req in reqs],
        method="POST",
        expect=(302,),
        body=body,
        content_type=content_type,
    )


def action_requests(unit: Unit) -> list[ServiceRequest]:
    """ACTION_REQUESTS requests in progress at `unit`, taken there step by step (once)."""
    ready = list(
        ServiceRequest.objects.filter(
            unit=unit, status=Status.IN_PROGRESS, letter_number__startswith="BENCH-ACTION"
        )[:ACTION_REQUESTS]
    )
    admin = User.objects.get(username=f"bench-admin-{unit.slug}")
    director = User.objects.get(username=f"bench-director-{unit.slug}")
    staff = User.objects.get(username=f"bench-staff-{unit.slug}-1")
    service = Service.objects.filter(unit=unit, asks_for_application=False).first()
    requester = User.objects.filter(username__startswith="bench-user-").first()
    for n in range(len(ready), ACTION_REQUESTS):
        pdf = SimpleUploadedFile("surat.pdf", letter_pdf(20_000), content_type="application/pdf")
        req = workflow.submit(
            service,
            requester=requester,
            details=workflow.Details(
                subject="Pembaruan modul presensi",
                description="Mohon pembaruan modul presensi.",
                letter_number=f"BENCH-ACTION-{n}",
                letter_date=timezone.localdate(),
                signatory_name="Dr. Contoh",
                signatory_position="Dekan",
                requesting_unit="Fakultas Teknik",
                whatsapp="+6281234567890",
            ),
            letter=checked_upload(pdf),
        )
        workflow.verify(req, by=admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
        workflow.forward(req, by=admin)
        order = workflow.DispositionOrder(
            staff=[staff],
            instructions=["follow_up"],
            urgency="normal",
            due_date=timezone.localdate() + datetime.timedelta(days=14),
        )
        workflow.dispose(req, by=director, order=order)
        workflow.start_work(req, by=staff)
        ready.append(req)
    return ready


def check_created(run_id: str, answered: int, sent: int) -> dict:
    """Every Buat Permintaan that was answered is stored, and none twice."""
    made = ServiceRequest.objects.filter(letter_number__startswith=f"BENCH-{run_id}-")
    twice = made.values("letter_number").annotate(n=Count("id")).filter(n__gt=1).count()
    stored = made.count()
    return {
        "answered_302": answered,
        "sent": sent,
        "stored": stored,
        "stored_twice": twice,
        # Requests still in flight when wrk stopped may be stored without an answer counted.
        "exactly_once": twice == 0 and answered <= stored <= sent,
    }


def check_notes(run_id: str, answered: int) -> dict:
    notes = Event.objects.filter(action="add_note", note__startswith=f"Catatan kemajuan {run_id}-")
    return {"answered_302": answered, "notes_recorded": notes.count()}
