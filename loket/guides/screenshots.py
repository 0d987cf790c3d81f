"""The screenshots of the guides: which page, as whom, showing what. `make guide-screenshots`
takes each one in both languages from a fresh demo database (loket/e2e/test_guide_screenshots.py);
the guides' Markdown names them as screenshots/<name>-<language>.png."""

from dataclasses import dataclass
from pathlib import Path

from django.urls import reverse

from loket.complaints.models import Complaint
from loket.complaints.models import Status as ComplaintStatus
from loket.requests.models import ServiceRequest, Status

FOLDER = Path(__file__).resolve().parent / "static" / "guides" / "screenshots"
VIEWPORT = {"width": 1100, "height": 760}
UPGRADE = "layanan-upgrade-aplikasi"


@dataclass(frozen=True)
class Shot:
    name: str
    user: str
    path: str  # a URL name with args, or a status whose request (complaint:…) page to open
    show: str = ""  # a CSS selector to scroll to (and open, if it is in a <details>)

    def url(self) -> str:
        if self.path.startswith("complaint:"):
            status = self.path.removeprefix("complaint:")
            return Complaint.objects.filter(status=status).first().get_absolute_url()
        if self.path.startswith("status:"):
            req = ServiceRequest.objects.filter(status=self.path.removeprefix("status:")).first()
            return req.get_absolute_url()
        name, *args = self.path.split(" ")
        if name == "surveys:questionnaire":
            args = [ServiceRequest.objects.filter(status=Status.COMPLETED).first().ticket]
        return reverse(name, args=args)


SHOTS = [
    Shot("pemohon-layanan", "pemohon", f"catalog:service {UPGRADE}", "#informasi-layanan"),
    Shot("pemohon-buat-permintaan", "pemohon", f"requests:new {UPGRADE}"),
    Shot("pemohon-riwayat-saya", "pemohon", "requests:history"),
    Shot("pemohon-dikembalikan", "pemohon", f"status:{Status.RETURNED}"),
    Shot("pemohon-kuesioner", "pemohon", "surveys:questionnaire"),
    Shot("pemohon-buat-keluhan", "pemohon", f"complaints:new {UPGRADE}"),
    Shot("admin-unit-kotak-masuk", "adminunit", "requests:inbox"),
    Shot(
        "admin-unit-keluhan",
        "adminunit",
        f"complaint:{ComplaintStatus.RECEIVED}",
        "form[action$='/verify/']",
    ),
    Shot(
        "admin-unit-verifikasi",
        "adminunit",
        f"status:{Status.SUBMITTED}",
        "form[action$='/verify/']",
    ),
    Shot("admin-unit-surat-diantar", "adminunit", f"requests:walk_in_service {UPGRADE}"),
    Shot(
        "direktur-disposisi", "direktur", f"status:{Status.FORWARDED}", "form[action$='/dispose/']"
    ),
    Shot("direktur-laporan-ikm", "direktur", "surveys:report"),
    Shot("staf-kotak-masuk", "staf", "requests:inbox"),
    Shot("staf-selesaikan", "staf", f"status:{Status.IN_PROGRESS}", "form[action$='/complete/']"),
]
LANGUAGES = ("id", "en")


def file_names() -> set[str]:
    return {f"{shot.name}-{language}.png" for shot in SHOTS for language in LANGUAGES}


def optimise(path: Path) -> None:
    """A 256-colour PNG: a page of flat colours and text stays sharp at a fraction of the size."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
