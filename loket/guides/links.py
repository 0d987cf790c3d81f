"""Which guide section explains each page, action and procedure step."""

import re

from django.urls import reverse

from . import content

# The request page's action forms (requests.workflow's actions) and who reads about them.
ACTIONS = {
    "resubmit": ("pemohon", "perbaiki-permintaan"),
    "cancel": ("pemohon", "batalkan"),
    "verify": ("admin-unit", "verifikasi"),
    "return_for_revision": ("admin-unit", "kembalikan"),
    "reject": ("admin-unit", "tolak"),
    "forward": ("admin-unit", "teruskan"),
    "dispose": ("direktur", "disposisi"),
    "start_work": ("staf", "kerjakan"),
    "add_note": ("staf", "catatan-kemajuan"),
    "complete": ("staf", "selesaikan"),
}

# Each unit role's inbox section.
INBOXES = {
    "unit_admin": ("admin-unit", "kotak-masuk"),
    "director": ("direktur", "kotak-masuk"),
    "staff": ("staf", "kotak-masuk"),
}

# Complaints (Buat Keluhan): each unit role's section; the complainant's is pemohon#buat-keluhan.
COMPLAINTS = {
    "unit_admin": ("admin-unit", "keluhan"),
    "director": ("direktur", "keluhan"),
    "staff": ("staf", "keluhan"),
}
COMPLAINANT = ("pemohon", "buat-keluhan")

# A service's procedure (Sistem, Mekanisme, dan Prosedur) is the unit's own text, one step a
# line, in the SOP's words. Each step says who acts; the requester's part at that step is:
# submit (their own steps), revise if returned (verification), wait and follow (the unit's
# work), answer the questionnaire (completion). First match wins; both languages are read.
STEP_RULES = [
    (r"^(staf|the staff|direktur|the director)\b", ("pemohon", "ikuti-permintaan")),
    (r"notifi|selesai|complet|finish", ("pemohon", "isi-kuesioner")),
    (r"^(pemohon|pelapor|the requester|the reporter)\b", ("pemohon", "buat-permintaan")),
    (r"dikirim|is sent|langsung ke kantor|in person", ("pemohon", "antar-langsung")),
    (r"verifi", ("pemohon", "perbaiki-permintaan")),
]
STEP_DEFAULT = ("pemohon", "ikuti-permintaan")


def url(role: str, anchor: str, language: str | None = None) -> str:
    """The section's address; a section that does not exist is an error, never a dead link."""
    content.section(role, anchor, language)
    return reverse("guides:guide", args=[role]) + f"#{anchor}"


def for_step(text: str) -> tuple[str, str]:
    lowered = text.strip().lower()
    for pattern, target in STEP_RULES:
        if re.search(pattern, lowered):
            return target
    return STEP_DEFAULT
