import pytest

from loket.guides import demo as guides_demo
from loket.requests.tests.conftest import application, submitted, upgrade_service  # noqa: F401


@pytest.fixture
def demo(db, settings):
    """The demo portal of `make run`: 26 services, the demo accounts and a request at each step."""
    settings.DEBUG = True
    return guides_demo.load()
