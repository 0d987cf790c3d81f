"""WhatsApp consent and its withdrawal, recorded as a history: who, when, wording, number, where."""

import pytest
import time_machine

from loket.accounts import consent
from loket.accounts.models import ConsentRecord

pytestmark = pytest.mark.django_db

FIELDS = {"full_name": "Putri", "identity_number": "", "origin": "", "language": ""}


def save(client, **values):
    return client.post("/akun/profil/", {**FIELDS, **values})


def test_it_records_each_agreement_and_withdrawal(client, requester):
    client.force_login(requester)
    with time_machine.travel("2026-11-02 09:00 +07:00"):
        save(client, whatsapp="0812-3456-7890", whatsapp_consent="on")
    with time_machine.travel("2026-11-03 09:00 +07:00"):
        save(client, whatsapp="0812-3456-7890")
    rows = list(ConsentRecord.objects.filter(user=requester).order_by("created_at"))
    assert [(r.agreed, r.number, r.via) for r in rows] == [
        (True, "+6281234567890", "profile"),
        (False, "", "profile"),
    ]
    assert {r.text_version for r in rows} == {consent.TEXT_VERSION}
    assert rows[0].created_at.isoformat().startswith("2026-11-02T02:00")


def test_saving_the_profile_again_records_nothing_new(client, requester):
    client.force_login(requester)
    save(client, whatsapp="0812-3456-7890", whatsapp_consent="on")
    save(client, whatsapp="0812-3456-7890", whatsapp_consent="on", full_name="Putri Ayu")
    assert ConsentRecord.objects.filter(user=requester).count() == 1


def test_a_new_number_is_a_new_agreement(client, requester):
    client.force_login(requester)
    save(client, whatsapp="0812-3456-7890", whatsapp_consent="on")
    save(client, whatsapp="0813-0000-1111", whatsapp_consent="on")
    numbers = ConsentRecord.objects.filter(user=requester).values_list("number", flat=True)
    assert sorted(numbers) == ["+6281234567890", "+6281300001111"]


def test_the_history_is_shown_on_the_data_page(client, requester):
    client.force_login(requester)
    save(client, whatsapp="0812-3456-7890", whatsapp_consent="on")
    save(client, whatsapp="0812-3456-7890")
    page = client.get("/akun/profil/data-saya/").content.decode()
    assert "Riwayat persetujuan WhatsApp" in page
    assert "Disetujui" in page and "Ditarik" in page
    assert consent.TEXT_VERSION in page
