"""Every URL and API operation against every persona and object (the table is in authz.py).

Run it alone with `.venv/bin/pytest loket/portal/tests/test_authorization.py`.
"""

import json
from http import HTTPStatus

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import translation

from loket.accounts.tests.test_url_access import walk
from loket.api.api import api
from loket.complaints.models import Complaint
from loket.notifications.models import Message
from loket.requests.models import ServiceRequest
from loket.requests.tests.test_create_request import form_data

from .authz import ACTIONS, API, COMPLAINT_ACTIONS, OWNER_NAME, PERSONAS, URLS, Row, World, row_for

pytestmark = pytest.mark.django_db
ROUTES = sorted(set(walk(get_resolver().url_patterns)))
REFUSALS = {HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND, HTTPStatus.METHOD_NOT_ALLOWED}


def operations() -> list[str]:
    schema = api.get_openapi_schema()
    return sorted(
        f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops
    )


def test_every_url_pattern_is_in_the_table():
    missing = [name for name, _route in ROUTES if row_for(name, URLS) is None]
    assert missing == [], f"add a Row for these URL names to loket/portal/tests/authz.py: {missing}"


def test_every_api_operation_is_in_the_table():
    missing = [op for op in operations() if op not in API]
    assert missing == [], f"add a Row for these operations to API in authz.py: {missing}"


def test_the_table_names_only_urls_and_operations_that_exist():
    names = {name for name, _route in ROUTES}
    stale = [n for n in URLS if not n.endswith((":", "_")) and n not in names]
    stale += [op for op in API if op not in operations()]
    assert stale == []


@pytest.fixture
def world(db):
    return World()


def clients(world: World) -> dict[str, Client]:
    found = {}
    for persona in PERSONAS:
        client = Client()
        if world.users[persona] is not None:
            client.force_login(world.users[persona])
        found[persona] = client
    return found


def check(row: Row, world: World, url_for, where: str) -> list[str]:
    """Every persona against every state of the row; the list of what went wrong."""
    wrong = []
    visitors = clients(world)
    for state in row.states:
        url = url_for(state)
        secrets = row.secrets(world, state) + ([OWNER_NAME] if row.with_name else [])
        for persona, client in visitors.items():
            response = client.get(url)
            text = "" if row.binary and response.status_code == 200 else body_of(response)
            text = without_own_address(text, url)
            said = f"{where} {persona} {state} {url}: {response.status_code}"
            if row.opens(persona, state):
                if response.status_code != HTTPStatus.OK:
                    wrong.append(f"{said}, expected 200")
            elif not refused(response, persona):
                wrong.append(f"{said}, expected a refusal")
            leaked = [s for s in secrets if s in text]
            if leaked and not (row.opens(persona, state) and row.may_see(persona, state)):
                wrong.append(f"{said} shows {leaked}")
            elif OWNER_NAME in leaked and not row.may_name(persona, state):
                wrong.append(f"{said} names the complainant, who asked to stay unknown")
            if row.must_show(persona, state) and not leaked:
                wrong.append(f"{said} does not show the object")
    return wrong


def body_of(response) -> str:
    if not getattr(response, "streaming", False):
        return response.content.decode(errors="replace")
    body = b"".join(response.streaming_content)
    close_quietly(response)
    return body.decode(errors="replace")


def close_quietly(response) -> None:
    """Close a file response as the test client would: without closing the test's database
    connection (request_finished closes "old" connections, and inside a test's transaction every
    connection looks old)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def without_own_address(text: str, url: str) -> str:
    """The page's own address (in the language switch) is not data the visitor did not have."""
    path = url.split("?")[0]
    bare = path.removeprefix("/en")
    for variant in sorted({url, path, bare, "/en" + bare}, key=len, reverse=True):
        text = text.replace(variant, "")
    return text


def refused(response, persona: str) -> bool:
    if response.status_code in REFUSALS or response.status_code == HTTPStatus.UNAUTHORIZED:
        return True
    if response.status_code != HTTPStatus.FOUND:
        return False
    to_sign_in = "/akun/login/" in response["Location"]
    return to_sign_in if persona == "anonymous" else True


def query_of(row: Row, world: World, state: str) -> str:
    return row.query.format(ticket=world.requests[state].ticket) if row.query else ""


PAGE_ROWS = sorted(n for n, r in URLS.items() if not (r.exempt or r.post))


@pytest.mark.parametrize("name", PAGE_ROWS)
def test_each_page_answers_only_whom_product_allows(world, name):
    row = URLS[name]
    wrong = []
    for language in ("id", "en"):

        def url_for(state, language=language):
            with translation.override(language):
                path = reverse(name, kwargs=row.kwargs(world, state))
            return path + query_of(row, world, state)

        wrong += check(row, world, url_for, language)
    assert wrong == []


POST_ROWS = sorted(n for n, r in URLS.items() if r.post)


@pytest.mark.parametrize("name", POST_ROWS)
def test_state_changing_urls_do_not_answer_a_get(world, name):
    row = URLS[name]
    url = reverse(name, kwargs=row.kwargs(world, "submitted"))
    answers = {p: c.get(url).status_code for p, c in clients(world).items()}
    assert set(answers.values()) == {HTTPStatus.METHOD_NOT_ALLOWED}, answers


API_ROWS = sorted(n for n, r in API.items() if not (r.exempt or r.post))


@pytest.mark.parametrize("operation", API_ROWS)
def test_each_api_operation_answers_only_whom_product_allows(world, operation):
    row = API[operation]
    _method, path = operation.split(" ", 1)

    def url_for(state):
        return path.format(**row.kwargs(world, state)) + query_of(row, world, state)

    assert check(row, world, url_for, "api") == []


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("through", ["page", "api"])
def test_each_workflow_action_is_taken_only_by_its_role(world, action, through):
    """Every persona presses the button (or calls the operation) on a request in the state the
    action starts from; only the role of PRODUCT.md changes it, the others change nothing."""
    spec = ACTIONS[action]
    req = world.fresh(spec.start)
    events = req.events.count()
    wrong = []
    for persona, client in clients(world).items():
        with transaction.atomic():
            if through == "page":
                url = reverse("requests:act", args=[req.ticket, action])
                response = client.post(url, spec.data(world))
            elif action in ("add_note", "complete"):  # multipart: they may carry files
                response = client.post(f"/api/v1/requests/{req.ticket}/{action}", spec.api)
            else:
                body = spec.api if action != "dispose" else _api_dispose(world)
                response = client.post(
                    f"/api/v1/requests/{req.ticket}/{action}",
                    json.dumps(body),
                    content_type="application/json",
                )
            changed = req.events.count() != events
            if spec.may(persona, spec.start) != changed:
                wrong.append(f"{persona}: {response.status_code}, changed={changed}")
            if not spec.may(persona, spec.start) and through == "api":
                if response.status_code not in (401, 403, 404, 409):
                    wrong.append(f"{persona}: api answered {response.status_code}")
            transaction.set_rollback(True)
    assert wrong == []
    assert ServiceRequest.objects.get(pk=req.pk).status == req.status


@pytest.mark.parametrize("action", sorted(COMPLAINT_ACTIONS))
@pytest.mark.parametrize("through", ["page", "api"])
def test_each_complaint_action_is_taken_only_by_its_role(world, action, through):
    """The same for a complaint's buttons (complaints.workflow.TRANSITIONS)."""
    spec = COMPLAINT_ACTIONS[action]
    complaint = world.fresh_complaint(spec.start)
    events = complaint.events.count()
    body = dict(spec.api)
    if "staff" in body:
        body["staff"] = world.users["staff"].pk
    wrong = []
    for persona, client in clients(world).items():
        with transaction.atomic():
            if through == "page":
                url = reverse("complaints:act", args=[complaint.ticket, action])
                response = client.post(url, spec.data(world))
            else:
                response = client.post(
                    f"/api/v1/complaints/{complaint.ticket}/{action}",
                    json.dumps(body),
                    content_type="application/json",
                )
            changed = complaint.events.count() != events
            if spec.may(persona, spec.start) != changed:
                wrong.append(f"{persona}: {response.status_code}, changed={changed}")
            if not spec.may(persona, spec.start) and through == "api":
                if response.status_code not in (401, 403, 404, 409):
                    wrong.append(f"{persona}: api answered {response.status_code}")
            transaction.set_rollback(True)
    assert wrong == []
    assert Complaint.objects.get(pk=complaint.pk).status == complaint.status


def _api_dispose(world):
    data = ACTIONS["dispose"].data(world)
    return {
        "staff": [world.users["staff"].pk],
        "instructions": data["dispose-instructions"],
        "urgency": "normal",
        "due_date": data["dispose-due_date"],
    }


ANSWERS = {f"u{n}": "3" for n in range(1, 10)}
# URL or operation -> (how to post it, what it changes); only the owner may change it.
OWNER_POSTS = {
    "api_token_revoke": (
        lambda c, w: c.post(reverse("api_token_revoke", args=[w.token.pk])),
        lambda w: not w.owner.api_tokens.active().filter(pk=w.token.pk).exists(),
    ),
    "notifications:mark_read": (
        lambda c, w: c.post(reverse("notifications:mark_read", args=[w.message.pk])),
        lambda w: Message.objects.filter(pk=w.message.pk, read_at__isnull=False).exists(),
    ),
    "POST /api/v1/notifications/{message_id}/read": (
        lambda c, w: c.post(f"/api/v1/notifications/{w.message.pk}/read"),
        lambda w: Message.objects.filter(pk=w.message.pk, read_at__isnull=False).exists(),
    ),
    "requests:resubmit": (
        lambda c, w: c.post(
            reverse("requests:resubmit", args=[w.requests["returned"].ticket]),
            form_data(w.application, subject="Sudah diperbaiki"),
        ),
        lambda w: w.requests["returned"].events.filter(action="resubmit").exists(),
    ),
    "POST /api/v1/requests/{ticket}/resubmit": (
        lambda c, w: c.post(
            f"/api/v1/requests/{w.requests['returned'].ticket}/resubmit",
            {"subject": "Sudah diperbaiki"},
        ),
        lambda w: w.requests["returned"].events.filter(action="resubmit").exists(),
    ),
    "surveys:questionnaire": (
        lambda c, w: c.post(
            reverse("surveys:questionnaire", args=[w.requests["completed"].ticket]), ANSWERS
        ),
        lambda w: ServiceRequest.objects.get(pk=w.requests["completed"].pk).status == "closed",
    ),
    "POST /api/v1/requests/{ticket}/close": (
        lambda c, w: c.post(
            f"/api/v1/requests/{w.requests['completed'].ticket}/close",
            json.dumps({k: int(v) for k, v in ANSWERS.items()}),
            content_type="application/json",
        ),
        lambda w: ServiceRequest.objects.get(pk=w.requests["completed"].pk).status == "closed",
    ),
}


@pytest.mark.parametrize("target", sorted(OWNER_POSTS))
def test_only_the_owner_changes_their_own_things(world, target):
    post, changed = OWNER_POSTS[target]
    wrong = []
    for persona, client in clients(world).items():
        with transaction.atomic():
            response = post(client, world)
            if changed(world) != (persona == "owner"):
                wrong.append(f"{persona}: {response.status_code}, changed={changed(world)}")
            transaction.set_rollback(True)
    assert wrong == []
