from http import HTTPStatus

import pytest

from loket.requests.models import Status

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/requests/servicerequest/"


def test_the_admin_unit_forwards_verified_requests_from_the_admin_panel(
    client, verified, unit_admin
):
    client.force_login(unit_admin)
    response = client.post(
        CHANGELIST, {"action": "forward_to_director", "_selected_action": [verified.pk]}
    )
    assert response.status_code == HTTPStatus.FOUND
    verified.refresh_from_db()
    assert verified.status == Status.FORWARDED
    assert verified.events.last().actor == unit_admin


def test_the_admin_action_refuses_what_the_workflow_refuses(client, submitted, unit_admin):
    client.force_login(unit_admin)
    client.post(CHANGELIST, {"action": "forward_to_director", "_selected_action": [submitted.pk]})
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert submitted.events.count() == 1


def test_another_units_admin_does_not_see_the_request(client, submitted, unit_admin_other_unit):
    client.force_login(unit_admin_other_unit)
    assert submitted.ticket not in client.get(CHANGELIST).content.decode()
    change = client.get(f"{CHANGELIST}{submitted.pk}/change/")
    assert change.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
    assert submitted.subject not in change.content.decode()


def test_a_unit_admin_cannot_enter_a_university_wide_closure(client, unit_admin, unit):
    client.force_login(unit_admin)
    response = client.post(
        "/admin/workdays/closure/add/",
        {"start_date": "2026-12-28", "end_date": "2026-12-30", "reason_id": "Libur akhir tahun"},
    )
    assert response.status_code == HTTPStatus.OK  # the form again, with an error
    from loket.workdays.models import Closure

    assert not Closure.objects.exists()
    client.post(
        "/admin/workdays/closure/add/",
        {
            "unit": unit.pk,
            "start_date": "2026-12-28",
            "end_date": "2026-12-30",
            "reason_id": "Libur",
        },
    )
    assert Closure.objects.get().unit == unit
