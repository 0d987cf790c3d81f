"""Property-based: schemathesis generates calls from the OpenAPI description the API serves and
runs them in-process (WSGI) with a Unit Admin's token. No call may end in a 5xx, and every answer
must fit the description: its status code, content type and body schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from loket.api import tokens
from loket.api.api import api
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
OPERATIONS = [
    (method.upper(), path)
    for path, methods in api.get_openapi_schema()["paths"].items()
    for method in methods
]
# Bounded so that the suite stays fast; derandomized so that a failure repeats.
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def served_schema(settings):
    """What /api/v1/openapi.json serves, with the WSGI application to call.

    The WSGI handler closes the database connection after each request, as a server should;
    Django's own test client keeps it open for the test's transaction, and so does this."""
    settings.ALLOWED_HOSTS = ["*"]
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def submitted(upgrade_service, requester, application):
    return factories.submit(upgrade_service, requester, application=application)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_the_api_keeps_to_its_description(served_schema, unit_admin, submitted, method, path):
    """Half the calls aim at a request that exists, so that the actions' checks run too."""
    operation = served_schema[path][method]
    headers = {"Authorization": f"Bearer {tokens.issue(unit_admin, name='schemathesis')[1]}"}

    @EXAMPLES
    @given(case=operation.as_strategy(), existing=st.booleans())
    def call(case, existing):
        if existing and "ticket" in (case.path_parameters or {}):
            case.path_parameters["ticket"] = submitted.ticket
        case.call_and_validate(headers=headers, checks=CHECKS)

    call()
