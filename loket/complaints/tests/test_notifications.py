"""Who is told of each step, in their own language, with a link to the complaint's page."""

import pytest
from django.db import transaction

from loket.complaints import workflow
from loket.notifications.models import Message

pytestmark = pytest.mark.django_db


def inbox(person, complaint):
    return Message.objects.filter(recipient=person, complaint=complaint, channel="inbox")


def test_everyone_concerned_is_told(unit_admin, director, staff, requester, received):
    assert inbox(unit_admin, received).get().trigger == "complaint_received"
    workflow.verify(received, by=unit_admin)
    workflow.assign(received, by=unit_admin, staff=staff)
    workflow.answer(received, by=staff, text="Jawaban kami.")
    workflow.reopen(received, by=requester, reason="Belum selesai.")
    workflow.answer(received, by=staff, text="Jawaban kedua.")
    workflow.confirm(received, by=requester)
    assert list(inbox(requester, received).order_by("id").values_list("trigger", flat=True)) == [
        "complaint_received",
        "complaint_verified",
        "complaint_assigned",
        "complaint_answered",
        "complaint_reopened",
        "complaint_answered",
        "complaint_resolved",
    ]
    assert set(inbox(staff, received).values_list("trigger", flat=True)) == {
        "complaint_assigned",
        "complaint_reopened",
    }
    assert set(inbox(unit_admin, received).values_list("trigger", flat=True)) == {
        "complaint_received",
        "complaint_reopened",
    }
    assert not inbox(director, received).exists()  # until it is overdue (test_deadlines)
    message = inbox(requester, received).order_by("id").first()
    assert message.link.endswith(f"/keluhan/{received.ticket}/")
    assert message.req is None and message.title == f"Keluhan {received.ticket}: Diterima"


def test_messages_are_in_the_recipients_language(service, requester, unit_admin):
    from .conftest import file_complaint

    requester.language = "en"
    requester.save()
    complaint = file_complaint(service, requester)
    message = inbox(requester, complaint).get()
    assert message.title == f"Complaint {complaint.ticket}: Received"
    assert "The unit verifies it by" in message.body
    assert "menunggu verifikasi" in inbox(unit_admin, complaint).get().body


def test_a_rolled_back_change_leaves_no_message(received, unit_admin):
    before = Message.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.verify(received, by=unit_admin)
        raise RuntimeError
    assert Message.objects.count() == before


def test_the_notification_centre_links_to_the_complaint(
    client, requester, received, django_assert_max_num_queries
):
    client.force_login(requester)
    with django_assert_max_num_queries(12):
        page = client.get("/notifikasi/").content.decode()
    assert f'href="/keluhan/{received.ticket}/"' in page
    assert f"Buka keluhan {received.ticket}" in page


def test_the_api_names_the_complaint_of_a_notification(client, requester, received):
    from loket.api import tokens

    _token, secret = tokens.issue(requester, name="tests")
    response = client.get("/api/v1/notifications", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert [n["ticket"] for n in response.json()] == [received.ticket]
