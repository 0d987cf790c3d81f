"""loket.accounts.permissions: the one answer to "may this user do this on this object?"."""

import pytest
from django.contrib.auth.models import AnonymousUser

from loket.accounts import permissions
from loket.accounts.models import Role
from loket.catalog.models import Service
from loket.catalog.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_it_answers_per_unit(unit_admin, director, unit, other_unit):
    own, other = ServiceFactory(unit=unit), ServiceFactory(unit=other_unit)
    assert permissions.can(unit_admin, "catalog.manage", own)
    assert not permissions.can(unit_admin, "catalog.manage", other)
    assert permissions.can(director, "catalog.view", own)
    assert not permissions.can(director, "catalog.manage", own)
    assert permissions.can(director, "roles.assign", unit)


def test_it_scopes_querysets_to_the_users_units(unit_admin, superadmin, unit, other_unit):
    own, other = ServiceFactory(unit=unit), ServiceFactory(unit=other_unit)
    assert list(permissions.scope(Service.objects.all(), unit_admin, "catalog.view")) == [own]
    assert set(permissions.scope(Service.objects.all(), superadmin, "catalog.view")) == {
        own,
        other,
    }


def test_roles_are_explicit_and_superadmins_are_not_every_units_staff(superadmin, unit):
    assert not permissions.has_role(superadmin, Role.UNIT_ADMIN, unit.pk)
    assert permissions.can(superadmin, "catalog.manage", unit)


def test_units_where_lists_the_units_of_a_role(director, unit):
    assert list(permissions.units_where(director, Role.DIRECTOR)) == [unit]
    assert list(permissions.units_where(director, Role.STAFF)) == []


def test_anonymous_visitors_may_do_nothing(unit):
    ServiceFactory(unit=unit)
    visitor = AnonymousUser()
    assert not permissions.can(visitor, "catalog.view", unit)
    assert not permissions.may_use_admin_panel(visitor)
    assert not permissions.scope(Service.objects.all(), visitor, "catalog.view").exists()


def test_it_reads_the_roles_once_per_request(django_assert_num_queries, director, unit):
    with django_assert_num_queries(1):
        for _ in range(3):
            permissions.has_role(director, Role.DIRECTOR, unit.pk)
            permissions.role_labels(director)
