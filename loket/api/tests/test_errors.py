"""The same permissions as the pages, and clear JSON errors: 400, 403, 404, 409, 422."""

from http import HTTPStatus

import pytest

from loket.requests import workflow
from loket.requests.tests import factories

from .conftest import letter

pytestmark = pytest.mark.django_db
PERSONAS = [
    "requester",
    "other_requester",
    "unit_admin",
    "unit_admin_other_unit",
    "director",
    "staff",
]
# who sees a submitted request at all; the others get a 404 that says nothing of it
SEES_SUBMITTED = {"requester", "unit_admin", "director"}


@pytest.fixture
def submitted(upgrade_service, requester, application):
    return factories.submit(upgrade_service, requester, application=application)


@pytest.mark.parametrize("persona", PERSONAS)
def test_another_units_or_requesters_request_is_a_404(api, request, persona, submitted):
    caller = api(request.getfixturevalue(persona))
    detail = caller.get(f"/requests/{submitted.ticket}")
    verify = caller.post(f"/requests/{submitted.ticket}/verify", {"signed": True})
    if persona in SEES_SUBMITTED:
        assert detail.status_code == HTTPStatus.OK
    else:
        assert (detail.status_code, verify.status_code) == (HTTPStatus.NOT_FOUND,) * 2
        assert submitted.subject not in detail.content.decode() + verify.content.decode()


@pytest.mark.parametrize("persona", ["requester", "director"])
def test_a_visible_request_refuses_the_wrong_role_with_403(api, request, persona, submitted):
    response = api(request.getfixturevalue(persona)).post(
        f"/requests/{submitted.ticket}/reject", {"reason": "Bukan aplikasi UPT TIK"}
    )
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert submitted.events.count() == 1


def test_the_loser_of_a_race_gets_409_with_the_translated_reason(api, unit_admin, submitted):
    admin = api(unit_admin)
    first = admin.post(f"/requests/{submitted.ticket}/reject", {"reason": "Tidak lengkap"})
    second = admin.post(f"/requests/{submitted.ticket}/reject", {"reason": "Tidak lengkap"})
    assert first.status_code == HTTPStatus.OK
    assert second.status_code == HTTPStatus.CONFLICT
    assert "Ditolak" in second.json()["detail"]


def test_input_that_breaks_the_schema_is_a_400_naming_the_field(api, unit_admin, submitted):
    response = api(unit_admin).post(
        f"/requests/{submitted.ticket}/return_for_revision", {"failed_rules": ["lost"]}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.json()["errors"]) == {"reason", "failed_rules.0"}


def test_input_the_page_would_refuse_is_a_422_with_its_messages(api, unit_admin, submitted):
    response = api(unit_admin).post(f"/requests/{submitted.ticket}/verify", {"signed": True})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Semua aturan" in response.json()["errors"]["__all__"][0]
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_a_letter_that_is_not_a_pdf_is_refused_by_the_pages_checks(api, requester, request_form):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile(
        "surat.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )
    response = api(requester).post_form("/requests", {**request_form, "letter": fake})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.json()["errors"]) == ["letter"]


def test_a_letter_dated_in_the_future_and_an_unknown_service_are_refused(
    api, requester, request_form
):
    caller = api(requester)
    future = caller.post_form(
        "/requests", {**request_form, "letter_date": "2999-01-01", "letter": letter()}
    )
    assert future.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(future.json()["errors"]) == ["letter_date"]
    unknown = caller.post_form("/requests", {**request_form, "service": "x", "letter": letter()})
    assert unknown.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(unknown.json()["errors"]) == ["service"]
    missing = caller.post_form("/requests", request_form)
    assert missing.status_code == HTTPStatus.BAD_REQUEST and "letter" in missing.json()["errors"]


def test_disposing_to_someone_who_is_not_the_units_staff_is_refused(
    api, director, unit_admin, unit_admin_other_unit, submitted
):
    workflow.verify(submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    workflow.forward(submitted, by=unit_admin)
    response = api(director).post(
        f"/requests/{submitted.ticket}/dispose",
        {
            "staff": [unit_admin_other_unit.pk],
            "instructions": ["follow_up"],
            "due_date": "2099-01-01",
        },
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert list(response.json()["errors"]) == ["staff"]


def test_the_inbox_is_for_unit_roles(api, requester, unit_admin, submitted):
    assert api(requester).get("/inbox").status_code == HTTPStatus.FORBIDDEN
    sections = api(unit_admin).get("/inbox").json()
    assert [(s["role"], [r["ticket"] for r in s["requests"]]) for s in sections] == [
        ("unit_admin", [submitted.ticket])
    ]


def test_search_filters_that_make_no_sense_are_a_400(api, requester):
    response = api(requester).get("/search", {"status": "lost", "until": "1999-01-01"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert set(response.json()["errors"]) == {"status", "until"}
