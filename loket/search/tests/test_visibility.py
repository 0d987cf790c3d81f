"""Nobody finds a request they may not see: each persona, by words and by ticket number, on the
page and through the API, finds exactly ServiceRequest.objects.visible_to(persona)."""

import re
from http import HTTPStatus

import pytest

from loket.requests.models import ServiceRequest

pytestmark = pytest.mark.django_db

# persona: which of the cooperation_requests it may see
SEES = {
    "requester": {"own"},
    "other_requester": {"other", "elsewhere"},
    "unit_admin": {"own", "other"},
    "unit_admin_other_unit": {"elsewhere"},
    "director": {"own", "other"},
    "staff": {"own"},
}
TICKET_LINK = re.compile(r'href="/permintaan/([A-Z0-9-]+)/"')


def found_on_page(client, query: str) -> set[str]:
    response = client.get("/pencarian/", {"q": query})
    assert response.status_code == HTTPStatus.OK
    return set(TICKET_LINK.findall(response.content.decode()))


@pytest.mark.parametrize("persona", SEES)
def test_words_find_exactly_what_the_persona_may_see(
    client, request, persona, cooperation_requests
):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    expected = {cooperation_requests[name].ticket for name in SEES[persona]}
    assert found_on_page(client, "kerjasama") == expected
    visible = set(ServiceRequest.objects.visible_to(user).values_list("ticket", flat=True))
    assert expected == visible & {r.ticket for r in cooperation_requests.values()}
    page = client.get("/pencarian/", {"q": "kerjasama"}).content.decode()
    for name, req in cooperation_requests.items():
        distinct_word = req.subject.split()[-1]  # the subject itself is shown highlighted
        assert (distinct_word in page) == (name in SEES[persona])


@pytest.mark.parametrize("persona", SEES)
def test_ticket_numbers_find_only_visible_requests(client, request, persona, cooperation_requests):
    client.force_login(request.getfixturevalue(persona))
    for name, req in cooperation_requests.items():
        found = found_on_page(client, req.ticket)
        assert found == ({req.ticket} if name in SEES[persona] else set())
        assert found_on_page(client, req.ticket[:-2].lower()) >= found


@pytest.mark.parametrize("persona", SEES)
def test_the_api_finds_exactly_what_the_persona_may_see(
    client, request, persona, cooperation_requests
):
    client.force_login(request.getfixturevalue(persona))
    body = client.get("/api/v1/search", {"q": "kerjasama", "type": "requests"}).json()
    expected = {cooperation_requests[name].ticket for name in SEES[persona]}
    assert {r["ticket"] for r in body["requests"]["results"]} == expected
    assert body["services"] is None


def test_anonymous_visitors_find_services_but_no_request(client, cooperation_requests):
    page = client.get("/pencarian/", {"q": "kerjasama"}).content.decode()
    assert not TICKET_LINK.findall(page)
    for req in cooperation_requests.values():
        assert req.subject.split()[-1] not in page
    body = client.get("/api/v1/search", {"q": cooperation_requests["own"].ticket}).json()
    assert body["requests"] is None


def test_filters_never_widen_what_is_seen(client, requester, cooperation_requests):
    client.force_login(requester)
    response = client.get("/pencarian/", {"status": "submitted", "type": "requests"})
    assert set(TICKET_LINK.findall(response.content.decode())) == set()
    response = client.get("/pencarian/", {"status": "disposed", "type": "requests"})
    assert set(TICKET_LINK.findall(response.content.decode())) == {
        cooperation_requests["own"].ticket
    }
