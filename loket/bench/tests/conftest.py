"""The request fixtures, for the bench's test of its Buat Permintaan body."""

from loket.requests.tests.conftest import application, upgrade_service  # noqa: F401
