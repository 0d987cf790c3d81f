"""Every action × every persona × own/other unit, through the pages."""

from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages

from loket.requests.models import Status

pytestmark = pytest.mark.django_db

PERSONAS = [
    "requester",
    "other_requester",
    "unit_admin",
    "unit_admin_other_unit",
    "director",
    "staff",
]
# action: (the state fixture it starts from, the one persona who may take it, POST data)
ACTIONS = {
    "cancel": ("submitted", "requester", {}),
    "verify": (
        "submitted",
        "unit_admin",
        {
            f"verify-{r}": "on"
            for r in (
                "signed",
                "stamped",
                "whatsapp_stated",
                "in_house_application",
                "academic_audience",
            )
        },
    ),
    "return_for_revision": (
        "submitted",
        "unit_admin",
        {"return_for_revision-reason": "Belum distempel"},
    ),
    "reject": ("submitted", "unit_admin", {"reject-reason": "Bukan aplikasi UPT TIK"}),
    "forward": ("verified", "unit_admin", {}),
    "dispose": ("forwarded", "director", None),  # staff id filled in below
    "start_work": ("disposed", "staff", {}),
    "add_note": (
        "in_progress",
        "staff",
        {"add_note-note": "Sedang diuji", "add_note-public": "on"},
    ),
    "complete": ("in_progress", "staff", {"complete-summary": "Selesai dikerjakan"}),
}
# Who may see the request at all in each state; the rest get a 404 and nothing of its data.
SEES = {
    "submitted": {"requester", "unit_admin", "director"},
    "verified": {"requester", "unit_admin", "director"},
    "forwarded": {"requester", "unit_admin", "director"},
    "disposed": {"requester", "unit_admin", "director", "staff"},
    "in_progress": {"requester", "unit_admin", "director", "staff"},
}


def post_data(action, request, data):
    if data is None:
        staff = request.getfixturevalue("staff")
        role = staff.unit_roles.get()
        return {
            "dispose-staff": [role.pk],
            "dispose-instructions": ["follow_up"],
            "dispose-urgency": "normal",
            "dispose-due_date": "2099-12-31",
        }
    return data


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("action", ACTIONS)
def test_only_the_right_role_of_the_right_unit_may_act(client, request, action, persona):
    state, allowed, data = ACTIONS[action]
    req = request.getfixturevalue(state)
    user = request.getfixturevalue(persona)
    before = (req.status, req.events.count())
    client.force_login(user)
    response = client.post(f"/permintaan/{req.ticket}/{action}/", post_data(action, request, data))
    req.refresh_from_db()
    if persona == allowed:
        assert response.status_code == HTTPStatus.FOUND
        assert req.events.count() == before[1] + 1
        return
    assert (req.status, req.events.count()) == before
    if persona in SEES[state]:
        assert response.status_code == HTTPStatus.FOUND
        assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    else:
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert req.subject.encode() not in response.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_request_page_and_its_files_are_hidden_from_others(client, request, submitted, persona):
    client.force_login(request.getfixturevalue(persona))
    letter = submitted.current_letter
    page = client.get(submitted.get_absolute_url())
    download = client.get(f"/permintaan/{submitted.ticket}/berkas/{letter.pk}/")
    receipt = client.get(f"/permintaan/{submitted.ticket}/tanda-terima.pdf")
    expected = HTTPStatus.OK if persona in SEES["submitted"] else HTTPStatus.NOT_FOUND
    assert (page.status_code, download.status_code, receipt.status_code) == (expected,) * 3
    if expected == HTTPStatus.NOT_FOUND:
        assert submitted.subject.encode() not in page.content


def test_files_are_served_as_attachments_that_browsers_do_not_sniff(client, requester, submitted):
    client.force_login(requester)
    response = client.get(f"/permintaan/{submitted.ticket}/berkas/{submitted.current_letter.pk}/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_page_offers_exactly_the_allowed_buttons(client, submitted, unit_admin, requester):
    client.force_login(unit_admin)
    page = client.get(submitted.get_absolute_url()).content.decode()
    for label in ("Verifikasi", "Kembalikan", "Tolak"):
        assert f">{label}</button>" in page
    assert ">Batalkan</button>" not in page and ">Disposisikan</button>" not in page
    client.force_login(requester)
    page = client.get(submitted.get_absolute_url()).content.decode()
    assert ">Batalkan</button>" in page and ">Verifikasi</button>" not in page


def test_a_status_the_action_cannot_start_from_is_explained(client, verified, unit_admin):
    client.force_login(unit_admin)
    response = client.post(f"/permintaan/{verified.ticket}/reject/", {"reject-reason": "x"})
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages and "Terverifikasi" in messages[0]
    verified.refresh_from_db()
    assert verified.status == Status.VERIFIED
