"""A signed-in request reads the person, their unit roles and their authenticator app in one
query (loket/accounts/backends.py), and still sees every change at the next request."""

from http import HTTPStatus

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user
from django.test import RequestFactory

from loket.accounts import permissions
from loket.accounts.models import Role, UnitRole

pytestmark = pytest.mark.django_db


def signed_in_request(client, person):
    client.force_login(person)
    request = RequestFactory().get("/")
    request.session = client.session
    return request


def test_the_person_their_roles_and_their_app_come_in_one_query(
    client, unit, unit_admin, django_assert_num_queries
):
    request = signed_in_request(client, unit_admin)
    with django_assert_num_queries(2):  # the session, then the person with the rest
        user = get_user(request)
        assert permissions.roles_of(user) == {(unit.pk, Role.UNIT_ADMIN)}
        assert permissions.has_authenticator(user)
        assert permissions.requires_mfa(user)


def test_a_person_with_several_roles_gets_them_all(client, unit, other_unit, unit_admin):
    UnitRole.objects.create(user=unit_admin, unit=other_unit, role=Role.STAFF)
    UnitRole.objects.create(user=unit_admin, unit=unit, role=Role.DIRECTOR)
    user = get_user(signed_in_request(client, unit_admin))
    assert permissions.roles_of(user) == {
        (unit.pk, Role.UNIT_ADMIN),
        (unit.pk, Role.DIRECTOR),
        (other_unit.pk, Role.STAFF),
    }


def test_a_requester_has_no_roles_and_no_app(client, requester):
    user = get_user(signed_in_request(client, requester))
    assert permissions.roles_of(user) == frozenset()
    assert not permissions.has_authenticator(user)


def test_a_withdrawn_role_is_gone_at_the_next_request(client, unit_admin):
    client.force_login(unit_admin)
    assert client.get("/kotak-masuk/").status_code == HTTPStatus.OK
    UnitRole.objects.filter(user=unit_admin).delete()
    assert client.get("/kotak-masuk/").status_code == HTTPStatus.FORBIDDEN


def test_a_removed_authenticator_app_is_asked_for_again(client, unit_admin):
    client.force_login(unit_admin)
    assert client.get("/kotak-masuk/").status_code == HTTPStatus.OK
    Authenticator.objects.filter(user=unit_admin).delete()
    response = client.get("/kotak-masuk/")
    assert response.status_code == HTTPStatus.FOUND
    assert "totp" in response["Location"]


def test_a_deactivated_person_is_signed_out(client, requester):
    client.force_login(requester)
    requester.is_active = False
    requester.save()
    response = client.get("/riwayat/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/akun/login/" in response["Location"] or "login" in response["Location"]
