"""The Cloud API channel against a stand-in on loopback: the exact request of every message."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from loket.notifications.models import Message, State
from loket.notifications.overdue import alert_overdue
from loket.requests import workflow

from .conftest import NUMBERS, PHONE_NUMBER_ID, TOKEN
from .journey import SERVICE, STATUS, steps

pytestmark = pytest.mark.django_db

# step: the (template, recipient) pairs it sends, in the order they were queued
EXPECTED = {
    "submit": [
        ("loket_submitted_requester", "pemohon"),
        ("loket_submitted_unit_admin", "adminunit"),
    ],
    "return": [("loket_returned_requester", "pemohon")],
    "resubmit": [
        ("loket_resubmitted_requester", "pemohon"),
        ("loket_resubmitted_unit_admin", "adminunit"),
    ],
    "verify": [("loket_verified_requester", "pemohon")],
    "forward": [("loket_forwarded_director", "direktur"), ("loket_forwarded_requester", "pemohon")],
    "dispose": [
        ("loket_disposed_assigned_staff", "staf"),
        ("loket_disposed_requester", "pemohon"),
    ],
    "redispose": [("loket_redisposed_assigned_staff", "staf")],
    "start_work": [("loket_in_progress_requester", "pemohon")],
    "private note": [],
    "public note": [("loket_progress_note_requester", "pemohon")],
    "complete": [("loket_completed_requester", "pemohon")],
    "close": [("loket_closed_requester", "pemohon")],
}
# step: the status word sent with it
STATUS_AFTER = {
    "submit": "submitted",
    "return": "returned",
    "resubmit": "submitted",
    "verify": "verified",
    "forward": "forwarded",
    "dispose": "disposed",
    "redispose": "disposed",
    "start_work": "in_progress",
    "public note": "in_progress",
    "complete": "completed",
    "close": "closed",
}


def expected_request(template, username, language, params, after=0):
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": NUMBERS[username].lstrip("+"),
        "type": "template",
        "template": {
            "name": template,
            "language": {"code": language},
            "components": [
                {"type": "body", "parameters": [{"type": "text", "text": p} for p in params]}
            ],
        },
        "biz_opaque_callback_data": str(_key(username, params, after)),
    }


def _key(username, params, after):
    """Our id of the message queued for this person with these parameters (after row `after`)."""
    rows = Message.objects.filter(channel="whatsapp", address=NUMBERS[username], id__gt=after)
    (key,) = [m.key for m in rows if m.params == params]
    return key


def request_link(req, language) -> str:
    prefix = "/en" if language == "en" else ""
    return f"http://127.0.0.1:8000{prefix}/permintaan/{req.ticket}/"


@pytest.mark.parametrize("language", ["id", "en"])
def test_it_sends_each_step_as_its_template_in_the_recipients_language(
    cloud_api, worker, submitted, requester, unit_admin, director, staff, application, language
):
    journey = [("submit", lambda: None)] + steps(
        submitted,
        requester=requester,
        unit_admin=unit_admin,
        director=director,
        staff=staff,
        application=application,
    )
    for name, step in journey:
        cloud_api.seen.clear()
        mark = 0 if name == "submit" else Message.objects.order_by("-id").first().id
        step()
        worker.drain()
        sent = []
        for seen in cloud_api.seen:
            assert seen.path == f"/v23.0/{PHONE_NUMBER_ID}/messages"
            assert seen.headers["Authorization"] == f"Bearer {TOKEN}"
            assert seen.headers["Content-Type"] == "application/json"
            sent.append(seen.json)
        expected = []
        for template, username in EXPECTED[name]:
            link = request_link(submitted, language)
            if name == "complete":
                link = sent[0]["template"]["components"][0]["parameters"][2]["text"]
                assert link.startswith(
                    "http://127.0.0.1:8000" + ("/en" if language == "en" else "") + "/kuesioner/"
                )
            status = STATUS[language][STATUS_AFTER[name]]
            # Numbered as the template's words first use them (docs/whatsapp-templates.md): the
            # requester's title names the status; the others' texts do not name it at all.
            if template.endswith("_requester"):
                params = [submitted.ticket, status, link, SERVICE[language]]
            else:
                params = [submitted.ticket, link, SERVICE[language]]
            expected.append(expected_request(template, username, language, params, mark))
        assert sorted(sent, key=str) == sorted(expected, key=str), name


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_rejection_and_a_cancellation_reach_the_requester(
    cloud_api, worker, submitted, upgrade_service, requester, unit_admin, application, language
):
    from loket.requests.tests import factories

    workflow.reject(submitted, by=unit_admin, reason="Bukan aplikasi UPT TIK.")
    other = factories.submit(upgrade_service, requester, application=application)
    workflow.cancel(other, by=requester)
    cloud_api.seen.clear()
    worker.drain()
    sent = {
        (b["template"]["name"], b["template"]["components"][0]["parameters"][1]["text"])
        for b in cloud_api.bodies()
    }
    assert sent == {
        ("loket_submitted_requester", STATUS[language]["submitted"]),
        ("loket_submitted_unit_admin", request_link(submitted, language)),
        ("loket_submitted_unit_admin", request_link(other, language)),
        ("loket_rejected_requester", STATUS[language]["rejected"]),
        ("loket_cancelled_requester", STATUS[language]["cancelled"]),
    }


@pytest.mark.parametrize("language", ["id", "en"])
def test_an_overdue_request_reaches_its_director(cloud_api, worker, submitted, language):
    worker.drain()
    cloud_api.seen.clear()
    alert_overdue(today=submitted.due_date + datetime.timedelta(days=1))
    worker.drain()
    with translation.override(language):
        due = date_format(submitted.due_date)
    assert cloud_api.bodies() == [
        expected_request(
            "loket_overdue_director",
            "direktur",
            language,
            [
                submitted.ticket,
                request_link(submitted, language),
                SERVICE[language],
                due,
                STATUS[language]["submitted"],
            ],
        )
    ]


def test_it_stores_the_providers_message_id(cloud_api, worker, submitted):
    worker.drain()
    ids = set(Message.objects.filter(channel="whatsapp").values_list("provider_id", flat=True))
    assert ids == {"wamid.TEST000001", "wamid.TEST000002"}
    assert set(Message.objects.filter(channel="whatsapp").values_list("state", flat=True)) == {
        State.SENT
    }


def test_a_template_can_be_renamed_per_language(settings, cloud_api, worker, submitted):
    settings.NOTIFICATIONS["TEMPLATES"] = {
        "submitted.requester": {"id": "permohonan_diterima", "en": "request_received"}
    }
    worker.drain()
    names = {b["template"]["name"] for b in cloud_api.bodies()}
    assert names == {"permohonan_diterima", "loket_submitted_unit_admin"}
