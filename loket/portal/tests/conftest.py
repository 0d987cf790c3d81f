# The request states of loket/requests/tests, shared with the security tests here.
from loket.requests.tests.conftest import (  # noqa: F401
    application,
    disposed,
    forwarded,
    in_progress,
    submitted,
    upgrade_service,
    verified,
)
