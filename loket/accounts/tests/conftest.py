import pytest

from loket.accounts.tests.browser import LOKET_HOST, Browser
from loket.accounts.tests.certs import self_signed


@pytest.fixture(scope="session")
def idp_keys() -> tuple[str, str]:
    return self_signed("idp.univ.test")


@pytest.fixture(scope="session")
def sp_keys() -> tuple[str, str]:
    return self_signed("loket.univ.test")


@pytest.fixture
def http_browser(settings) -> Browser:
    settings.ALLOWED_HOSTS = [LOKET_HOST]
    return Browser()
