"""Personas and shared fixtures for every app's tests.

Unit Admins, Directors and superadmins have two-factor sign-in set up, as the portal requires.
"""

import pytest
from django.conf import settings
from django.utils import translation

from loket.accounts.models import Role
from loket.accounts.tests.factories import UserFactory, person_with_role
from loket.catalog.tests.factories import ServiceFactory, UnitFactory


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Indonesian: a request in English leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_kept_pages():
    """Pages kept by one test must not answer another's (rolled back) data. Those kept for
    every process are rows (portal.KeptPage), rolled back or flushed with the rest."""
    from loket.portal import kept_pages, page_cache

    page_cache.pages().clear()
    page_cache.catalog_changed_locally()
    kept_pages.forget_locally()  # ids and change counts repeat from one test to the next
    yield


@pytest.fixture
def unit(db):
    return UnitFactory(
        code="DTIK", slug="dtik", name_id="Direktorat TIK", name_en="ICT Directorate"
    )


@pytest.fixture
def other_unit(db):
    return UnitFactory(code="PERPUS", slug="perpus", name_id="UPT Perpustakaan", name_en="Library")


@pytest.fixture
def service(unit):
    return ServiceFactory(unit=unit)


@pytest.fixture
def requester(db):
    return UserFactory(username="pemohon")


@pytest.fixture
def other_requester(db):
    return UserFactory(username="pemohon2")


@pytest.fixture
def unit_admin(unit):
    return person_with_role("adminunit", Role.UNIT_ADMIN, unit)


@pytest.fixture
def unit_admin_other_unit(other_unit):
    return person_with_role("adminperpus", Role.UNIT_ADMIN, other_unit)


@pytest.fixture
def director(unit):
    return person_with_role("direktur", Role.DIRECTOR, unit)


@pytest.fixture
def staff(unit):
    return person_with_role("staf", Role.STAFF, unit, totp=False)


@pytest.fixture
def superadmin(db):
    return UserFactory(username="superadmin", is_staff=True, is_superuser=True, totp=True)
