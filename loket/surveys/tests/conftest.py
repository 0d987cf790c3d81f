import importlib

import pytest
from django.apps import apps

from loket.requests import workflow
from loket.requests.tests.conftest import (  # noqa: F401  (the request fixtures, reused)
    application,
    disposed,
    forwarded,
    in_progress,
    submitted,
    upgrade_service,
    verified,
)
from loket.surveys.models import Element

SEED = importlib.import_module("loket.surveys.migrations.0002_the_nine_elements")


@pytest.fixture(autouse=True)
def elements(db) -> list[Element]:
    """The nine elements as the data migration adds them (a transactional test elsewhere in the
    run flushes the tables, migrated rows included)."""
    if Element.objects.count() != len(SEED.ELEMENTS):
        SEED.add_elements(apps, None)
    return list(Element.objects.all())


@pytest.fixture
def completed(in_progress, staff):  # noqa: F811  (the fixture imported above)
    return workflow.complete(in_progress, by=staff, summary="Modul laporan sudah aktif.")
