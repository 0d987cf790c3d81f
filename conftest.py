"""Personas and shared fixtures for every app's tests."""

import pytest
from django.conf import settings
from django.utils import translation

from loket.accounts.tests.factories import UserFactory
from loket.catalog.tests.factories import ServiceFactory, UnitFactory


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Indonesian: a request in English leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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
def superadmin(db):
    return UserFactory(username="superadmin", is_staff=True, is_superuser=True)
