"""SOP#24 from the letter to the questionnaire, through the API alone, each person with a token."""

import datetime
from http import HTTPStatus

import pytest
from django.utils import timezone

from loket.requests.models import ServiceRequest, Status

from .conftest import letter

pytestmark = pytest.mark.django_db
ALL_TICKED = {
    "signed": True,
    "stamped": True,
    "whatsapp_stated": True,
    "in_house_application": True,
    "academic_audience": True,
}


def ok(response, status=HTTPStatus.OK) -> dict:
    assert response.status_code == status, response.content
    return response.json()


def test_the_whole_sop24_path_runs_through_the_api(
    api, requester, unit_admin, director, staff, request_form
):
    pemohon, admin, direktur, staf = (api(u) for u in (requester, unit_admin, director, staff))

    made = ok(pemohon.post_form("/requests", {**request_form, "letter": letter()}), 201)
    ticket = made["ticket"]
    assert made["status"] == Status.SUBMITTED and made["whatsapp"] == "+6281234567890"
    assert [f["kind"] for f in made["files"]] == ["letter"]
    assert made["actions"] == ["cancel"]

    returned = ok(
        admin.post(
            f"/requests/{ticket}/return_for_revision",
            {"reason": "Surat belum distempel.", "failed_rules": ["stamped"]},
        )
    )
    assert returned["status"] == Status.RETURNED
    revised = ok(
        pemohon.post_form(
            f"/requests/{ticket}/resubmit",
            {"letter": letter("surat-distempel.pdf"), "note": "Sudah distempel."},
        )
    )
    assert revised["status"] == Status.SUBMITTED
    assert revised["subject"] == request_form["subject"]  # what was not sent stays
    assert [f["name"] for f in revised["files"]] == ["surat-permohonan.pdf", "surat-distempel.pdf"]

    ok(admin.post(f"/requests/{ticket}/verify", ALL_TICKED))
    assert ok(admin.post(f"/requests/{ticket}/forward", {}))["status"] == Status.FORWARDED
    assert [r["ticket"] for s in ok(direktur.get("/inbox")) for r in s["requests"]] == [ticket]

    candidates = ok(direktur.get(f"/requests/{ticket}/staff"))
    disposed = ok(
        direktur.post(
            f"/requests/{ticket}/dispose",
            {
                "staff": [c["id"] for c in candidates],
                "instructions": ["follow_up", "report"],
                "urgency": "urgent",
                "due_date": str(timezone.localdate() + datetime.timedelta(days=10)),
                "note": "Mohon segera.",
            },
        )
    )
    assert disposed["status"] == Status.DISPOSED and disposed["disposition"]["urgency"] == "urgent"

    assert ok(staf.post(f"/requests/{ticket}/start_work", {}))["status"] == Status.IN_PROGRESS
    ok(staf.post_form(f"/requests/{ticket}/add_note", {"note": "Uji coba di server staging."}))
    ok(staf.post_form(f"/requests/{ticket}/add_note", {"note": "Catatan dalam.", "public": False}))
    completed = ok(
        staf.post_form(
            f"/requests/{ticket}/complete",
            {"summary": "Modul laporan sudah aktif.", "files": [letter("hasil.pdf")]},
        )
    )
    assert completed["status"] == Status.COMPLETED

    seen = ok(pemohon.get(f"/requests/{ticket}"))
    assert [(e["action"], e["to_status"]) for e in seen["timeline"]] == [
        ("submit", Status.SUBMITTED),
        ("return_for_revision", Status.RETURNED),
        ("resubmit", Status.SUBMITTED),
        ("verify", Status.VERIFIED),
        ("forward", Status.FORWARDED),
        ("dispose", Status.DISPOSED),
        ("start_work", Status.IN_PROGRESS),
        ("add_note", ""),
        ("complete", Status.COMPLETED),
    ]
    assert {e["actor"] for e in seen["timeline"]} == {None}  # the requester sees steps, not names
    assert seen["disposition"] is None and seen["result_summary"] == "Modul laporan sudah aktif."
    assert seen["actions"] == ["close"]
    internal = ok(admin.get(f"/requests/{ticket}"))["timeline"]
    assert len(internal) == len(seen["timeline"]) + 1 and internal[0]["actor"] == str(requester)

    answers = {f"u{n}": 4 for n in range(1, 10)} | {"suggestion": "Cepat dan jelas."}
    closed = ok(pemohon.post(f"/requests/{ticket}/close", answers))
    assert closed["status"] == Status.CLOSED
    assert ServiceRequest.objects.get(ticket=ticket).events.count() == 11
