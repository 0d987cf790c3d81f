from http import HTTPStatus

import pytest

from loket.accounts.models import User
from loket.requests.models import Intake, ServiceRequest
from loket.requests.tests.test_create_request import form_data

pytestmark = pytest.mark.django_db


def walk_in_data(application, **overrides):
    data = form_data(application)
    data.update({"requester-email": "tamu@example.ac.id", "requester-full_name": "Tamu Loket"})
    return {**data, **overrides}


def test_the_admin_unit_registers_a_delivered_letter_for_a_new_requester(
    client, unit_admin, upgrade_service, application
):
    client.force_login(unit_admin)
    response = client.post(f"/kotak-masuk/loket/{upgrade_service.slug}/", walk_in_data(application))
    req = ServiceRequest.objects.get()
    assert response["Location"] == req.get_absolute_url()
    assert req.intake == Intake.WALK_IN
    assert req.requester.email == "tamu@example.ac.id"
    assert not req.requester.has_usable_password()
    event = req.events.get()
    assert (event.action, event.actor) == ("walk_in", unit_admin)


def test_an_existing_requester_is_found_by_whatsapp(
    client, unit_admin, upgrade_service, application
):
    known = User.objects.create(
        username="dikenal", email="lama@example.ac.id", whatsapp="+6281234567890"
    )
    client.force_login(unit_admin)
    client.post(
        f"/kotak-masuk/loket/{upgrade_service.slug}/",
        walk_in_data(application, **{"requester-email": "baru@example.ac.id"}),
    )
    assert ServiceRequest.objects.get().requester == known


@pytest.mark.parametrize("persona", ["requester", "director", "staff", "unit_admin_other_unit"])
def test_other_people_cannot_register_letters_for_this_unit(
    client, request, persona, upgrade_service, application
):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(f"/kotak-masuk/loket/{upgrade_service.slug}/", walk_in_data(application))
    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert not ServiceRequest.objects.exists()
