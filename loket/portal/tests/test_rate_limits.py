"""Sign-in, registration, Buat Permintaan and Buat Keluhan answer 429 once over the limit."""

import time
from http import HTTPStatus

import pytest
from django.urls import reverse

from loket.accounts.tests.factories import UserFactory
from loket.complaints.models import Complaint
from loket.portal import ratelimit
from loket.portal.models import RateCounter
from loket.requests.models import ServiceRequest
from loket.requests.tests.test_create_request import form_data, new_url

pytestmark = pytest.mark.django_db


def test_request_creation_is_limited_per_account(
    client, settings, requester, upgrade_service, application
):
    settings.LOKET_RATE_LIMITS = {"request_create": "2/h/user"}
    client.force_login(requester)
    for _ in range(2):
        assert client.post(new_url(upgrade_service), form_data(application)).status_code == 302
    refused = client.post(new_url(upgrade_service), form_data(application))
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Terlalu banyak percobaan" in refused.content.decode()
    assert refused["Retry-After"]
    assert ServiceRequest.objects.count() == 2
    # The form itself still opens, and the limit is the account's, not everyone's.
    assert client.get(new_url(upgrade_service)).status_code == HTTPStatus.OK


def test_the_refusal_is_in_english_on_english_pages(
    client, settings, requester, upgrade_service, application
):
    settings.LOKET_RATE_LIMITS = {"request_create": "0/h/user"}
    client.force_login(requester)
    refused = client.post("/en" + new_url(upgrade_service), form_data(application))
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many attempts" in refused.content.decode()
    assert ServiceRequest.objects.count() == 0


def test_request_creation_through_the_api_is_limited_too(
    client, settings, requester, upgrade_service, application
):
    settings.LOKET_RATE_LIMITS = {"request_create": "0/h/user"}
    client.force_login(requester)
    data = form_data(application, service=upgrade_service.slug)
    response = client.post("/api/v1/requests", data, headers={"accept-language": "en"})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many attempts" in response.json()["detail"]
    assert ServiceRequest.objects.count() == 0


def test_sign_in_is_limited_per_address(client, settings, requester):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    answers = [
        client.post(reverse("account_login"), {"login": f"x{i}", "password": "salah"}).status_code
        for i in range(4)
    ]
    assert answers == [HTTPStatus.OK] * 3 + [HTTPStatus.TOO_MANY_REQUESTS]
    page = client.post(reverse("account_login"), {"login": "x", "password": "y"})
    assert "Terlalu banyak percobaan" in page.content.decode()


def test_registration_is_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "2/h/ip"}
    for i in range(2):
        client.post(reverse("account_signup"), {"email": f"orang{i}@example.ac.id"})
    refused = client.post("/en" + reverse("account_signup"), {"email": "lagi@example.ac.id"})
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many attempts" in refused.content.decode()


@pytest.mark.parametrize(
    "text, rates",
    [
        ("20/h/user,60/h/ip", [ratelimit.Rate(20, 3600, "user"), ratelimit.Rate(60, 3600, "ip")]),
        ("5/10m/ip", [ratelimit.Rate(5, 600, "ip")]),
        ("", []),
    ],
)
def test_rates_read_like_allauths(text, rates):
    assert ratelimit.parse(text) == rates


@pytest.mark.parametrize("text", ["20/h", "x/h/ip", "5/w/ip", "5/h/everyone"])
def test_a_malformed_rate_is_refused(text):
    with pytest.raises(ValueError, match="Not a rate"):
        ratelimit.parse(text)


def test_a_call_without_a_client_address_is_still_counted(rf, requester, settings):
    settings.LOKET_RATE_LIMITS = {"request_create": "1/h/ip"}
    request = rf.post("/")
    del request.META["REMOTE_ADDR"]
    request.user = requester
    assert ratelimit.client_ip(request) == "unknown"
    assert ratelimit.hit(request, "request_create")
    assert not ratelimit.hit(request, "request_create")


def complaint_data(n: int) -> dict:
    return {"subject": f"Antrean lama {n}", "description": "Saya menunggu dua jam tanpa kabar."}


def test_complaint_creation_is_limited_per_account(client, settings, requester, service):
    settings.LOKET_RATE_LIMITS = {"complaint_create": "2/h/user"}
    client.force_login(requester)
    url = reverse("complaints:new", args=[service.slug])
    for n in range(2):
        assert client.post(url, complaint_data(n)).status_code == HTTPStatus.FOUND
    refused = client.post(url, complaint_data(3))
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Terlalu banyak percobaan" in refused.content.decode()
    assert refused["Retry-After"]
    assert Complaint.objects.count() == 2
    # The form still opens; another person may still complain.
    assert client.get(url).status_code == HTTPStatus.OK
    client.force_login(UserFactory())
    assert client.post("/en" + url, complaint_data(4)).status_code == HTTPStatus.FOUND
    assert Complaint.objects.count() == 3


def test_complaint_creation_through_the_api_is_limited_too(client, settings, requester, service):
    settings.LOKET_RATE_LIMITS = {"complaint_create": "1/h/user"}
    client.force_login(requester)
    data = {"service": service.slug, **complaint_data(1)}
    assert client.post("/api/v1/complaints", data).status_code == HTTPStatus.CREATED
    response = client.post("/api/v1/complaints", data, headers={"accept-language": "en"})
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many attempts" in response.json()["detail"]
    assert Complaint.objects.count() == 1


def test_complaints_have_a_limit_by_default(settings):
    assert ratelimit.parse(settings.LOKET_RATE_LIMITS["complaint_create"])


def test_every_rate_of_an_attempt_is_counted_in_one_query(
    rf, requester, settings, django_assert_num_queries
):
    settings.LOKET_RATE_LIMITS = {"request_create": "5/h/user,10/h/ip"}
    request = rf.post("/")
    request.user = requester
    ratelimit._last_cleanup = int(time.time())  # the once-a-minute cleanup is not due
    with django_assert_num_queries(1):
        assert ratelimit.hit(request, "request_create")
    assert sorted(RateCounter.objects.values_list("hits", flat=True)) == [1, 1]


def test_a_new_window_starts_again_and_ended_ones_are_deleted(rf, requester, settings, monkeypatch):
    settings.LOKET_RATE_LIMITS = {"request_create": "1/m/user"}
    request = rf.post("/")
    request.user = requester
    assert ratelimit.hit(request, "request_create")
    assert not ratelimit.hit(request, "request_create")
    later = time.time() + 61
    monkeypatch.setattr(ratelimit.time, "time", lambda: later)  # a minute on
    assert ratelimit.hit(request, "request_create")
    assert RateCounter.objects.count() == 1  # the ended minute's counter is gone
