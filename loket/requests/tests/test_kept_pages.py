"""Signed-in pages kept per person (loket/portal/kept_pages.py): asked again with nothing
changed, a page costs what signing in costs and one version read; any change it shows is seen
at once, however it was written; and no one ever gets a page kept for someone else."""

from http import HTTPStatus

import pytest
from django.test import Client

from loket.accounts.models import UnitRole
from loket.notifications.models import ChannelKind, Message
from loket.portal import kept_pages, page_cache
from loket.requests import workflow
from loket.requests.models import ServiceRequest
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db

PAGES = [
    ("unit_admin", "/kotak-masuk/"),
    ("unit_admin", "/permintaan/{ticket}/"),
    ("requester", "/riwayat/"),
    ("requester", "/permintaan/{ticket}/"),
    ("director", "/dasbor/"),
    ("unit_admin", "/pencarian/?q=modul"),
    ("unit_admin", "/pencarian/?q={ticket}"),
]


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    return response.content.decode()


@pytest.mark.parametrize("persona, url", PAGES)
def test_a_page_asked_again_costs_its_session_person_and_one_version_read(
    request, in_progress, persona, url, django_assert_num_queries
):
    client = signed_in(request.getfixturevalue(persona))
    url = url.format(ticket=in_progress.ticket)
    page(client, url)
    first = page(client, url)  # a request page marks its notifications read: kept again here
    with django_assert_num_queries(3):  # as every signed-in page's: session, person (MFA)
        again = page(client, url)
    # The same page, with its own clock and CSRF token.
    assert page_cache.emptied(again.encode()) == page_cache.emptied(first.encode())
    assert 'class="clock"' in again


def test_a_kept_page_gets_this_sessions_csrf_token(in_progress, unit_admin):
    one, two = signed_in(unit_admin), signed_in(unit_admin)
    url = f"/permintaan/{in_progress.ticket}/"
    page(one, url)
    kept = page(two, url)
    token = two.cookies["csrftoken"].value
    assert 'name="csrfmiddlewaretoken"' in kept
    # A form on the kept page posts with this session's token.
    response = Client(enforce_csrf_checks=True)
    response.cookies = two.cookies
    answer = response.post(
        f"/permintaan/{in_progress.ticket}/add_note/",
        {"add_note-note": "Catatan", "csrfmiddlewaretoken": _token_in(kept)},
    )
    assert token and answer.status_code != HTTPStatus.FORBIDDEN


def _token_in(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def test_a_new_request_shows_in_the_inbox_at_once(in_progress, unit_admin, requester):
    client = signed_in(unit_admin)
    page(client, "/kotak-masuk/")
    new = factories.submit(in_progress.service, requester, application=in_progress.application)
    assert new.ticket in page(client, "/kotak-masuk/")


def test_a_step_shows_on_the_requesters_page_and_in_their_header(in_progress, staff, requester):
    client = signed_in(requester)
    url = f"/permintaan/{in_progress.ticket}/"
    page(client, url)
    page(client, "/riwayat/")
    workflow.add_note(in_progress, by=staff, note="Server uji sudah siap", public=True)
    assert "Server uji sudah siap" in page(client, url)
    Message.objects.filter(recipient=requester, channel=ChannelKind.INBOX).update(read_at=None)
    unread = Message.objects.inbox_of(requester).unread().count()
    assert unread and f">{unread}<" in page(client, "/riwayat/").replace(" ", "")


def test_a_change_written_with_plain_sql_is_seen(in_progress, unit_admin):
    client = signed_in(unit_admin)
    url = f"/permintaan/{in_progress.ticket}/"
    page(client, url)
    ServiceRequest.objects.filter(pk=in_progress.pk).update(subject="Subjek yang baru")
    assert "Subjek yang baru" in page(client, url)


def test_a_renamed_service_and_person_are_seen_in_the_inbox(submitted, unit_admin, requester):
    client = signed_in(unit_admin)
    page(client, "/kotak-masuk/")
    submitted.service.name_id = "Layanan Berganti Nama"
    submitted.service.save()
    requester.full_name = "Nama Baru Pemohon"
    requester.save()
    html = page(client, "/kotak-masuk/")
    assert "Layanan Berganti Nama" in html and "Nama Baru Pemohon" in html


def test_a_role_taken_away_closes_the_page_at_once(submitted, unit_admin):
    client = signed_in(unit_admin)
    page(client, "/kotak-masuk/")
    UnitRole.objects.filter(user=unit_admin).delete()
    assert client.get("/kotak-masuk/").status_code == HTTPStatus.FORBIDDEN


def test_no_one_gets_a_page_kept_for_another(in_progress, staff, unit):
    from loket.accounts.tests.factories import person_with_role

    other = person_with_role("stafkedua", "staff", unit, totp=False)
    assert in_progress.ticket in page(signed_in(staff), "/kotak-masuk/")  # disposed to staff
    assert in_progress.ticket not in page(signed_in(other), "/kotak-masuk/")
    assert in_progress.ticket in page(signed_in(staff), "/kotak-masuk/")


def test_a_new_password_ends_other_sessions_even_with_a_page_kept(submitted, unit_admin):
    old = signed_in(unit_admin)
    page(old, "/kotak-masuk/")
    unit_admin.set_password("kata-sandi-baru-yang-panjang")
    unit_admin.save()
    fresh = signed_in(unit_admin)
    page(fresh, "/kotak-masuk/")
    page(fresh, "/kotak-masuk/")  # kept with the new password's session
    response = old.get("/kotak-masuk/")
    assert response.status_code == HTTPStatus.FOUND
    assert "/akun/" in response["Location"] or "login" in response["Location"]


def test_a_message_after_an_action_is_shown_once(in_progress, staff):
    client = signed_in(staff)
    url = f"/permintaan/{in_progress.ticket}/"
    page(client, url)
    response = client.post(
        f"{url}add_note/", {"add_note-note": "Catatan baru", "add_note-public": "on"}, follow=True
    )
    shown = response.content.decode()
    again = page(client, url)
    notice = "Berhasil: "
    assert notice in shown and notice not in again


def test_each_language_has_its_own_kept_page(submitted, unit_admin):
    client = signed_in(unit_admin)
    assert "Kotak Masuk" in page(client, "/kotak-masuk/")
    assert "Inbox" in page(client, "/en/kotak-masuk/")
    assert "Kotak Masuk" in page(client, "/kotak-masuk/")
    assert "Inbox" in page(client, "/en/kotak-masuk/")


def test_a_superadmins_pages_are_never_kept(submitted, superadmin):
    client = signed_in(superadmin)
    page(client, "/dasbor/")
    assert not kept_pages.store()._cache  # nothing kept


def test_a_page_kept_by_one_worker_is_answered_by_another(
    in_progress, unit_admin, django_assert_num_queries
):
    client = signed_in(unit_admin)
    first = page(client, "/kotak-masuk/")
    kept_pages.store().clear()  # another worker process: none of this one's memory
    with django_assert_num_queries(4):  # session, person, the shared page, its versions
        again = page(client, "/kotak-masuk/")
    assert page_cache.emptied(again.encode()) == page_cache.emptied(first.encode())
    with django_assert_num_queries(3):  # now in this worker's memory too
        page(client, "/kotak-masuk/")


def test_a_shared_page_is_not_answered_after_a_change(submitted, unit_admin, requester):
    client = signed_in(unit_admin)
    page(client, "/kotak-masuk/")
    new = factories.submit(submitted.service, requester, application=submitted.application)
    kept_pages.store().clear()
    assert new.ticket in page(client, "/kotak-masuk/")
