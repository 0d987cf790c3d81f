"""Notifikasi: the person's messages, the unread count in the header, mark read."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from loket.notifications.models import Message

pytestmark = pytest.mark.django_db


def test_it_lists_only_the_persons_own_notifications(client, submitted, other_requester):
    client.force_login(submitted.requester)
    page = client.get("/notifikasi/").content.decode()
    assert f"Permintaan {submitted.ticket}: Diajukan" in page
    assert f'href="/permintaan/{submitted.ticket}/"' in page
    assert "menunggu verifikasi" not in page  # the Admin Unit's
    client.force_login(other_requester)
    assert submitted.ticket not in client.get("/notifikasi/").content.decode()


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", 'Notifikasi <span class="nav-count" aria-label="1 belum dibaca">1</span>'),
        ("/en/", 'Notifications <span class="nav-count" aria-label="1 unread">1</span>'),
    ],
)
def test_the_header_shows_the_unread_count(client, submitted, path, words):
    client.force_login(submitted.requester)
    assert words in client.get(path).content.decode()


def test_the_count_costs_one_query(client, submitted, requester):
    client.force_login(requester)
    client.get("/")
    with CaptureQueriesContext(connection) as with_count:
        client.get("/")
    counts = [q["sql"] for q in with_count.captured_queries if "notifications_message" in q["sql"]]
    assert len(counts) == 1


def test_marking_one_read_lowers_the_count(client, submitted, requester):
    client.force_login(requester)
    note = Message.objects.get(recipient=requester, channel="inbox")
    response = client.post(f"/notifikasi/{note.pk}/baca/", {"next": "/notifikasi/"})
    assert response.status_code == HTTPStatus.FOUND
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'nav-count" aria-label="1 belum' not in client.get("/").content.decode()


def test_mark_all_read(client, submitted, unit_admin, director, staff):
    from loket.requests import workflow

    workflow.verify(submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    workflow.forward(submitted, by=unit_admin)
    client.force_login(submitted.requester)
    assert Message.objects.inbox_of(submitted.requester).unread().count() == 3
    client.post("/notifikasi/baca-semua/")
    assert Message.objects.inbox_of(submitted.requester).unread().count() == 0


def test_nobody_marks_another_persons_notification(client, submitted, other_requester):
    note = Message.objects.get(recipient=submitted.requester, channel="inbox")
    client.force_login(other_requester)
    client.post(f"/notifikasi/{note.pk}/baca/")
    note.refresh_from_db()
    assert note.read_at is None


def test_it_refuses_to_leave_for_another_site(client, submitted, requester):
    client.force_login(requester)
    response = client.post("/notifikasi/baca-semua/", {"next": "https://evil.example/"})
    assert response["Location"] == "/notifikasi/"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/notifikasi/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/akun/login/")


def test_the_page_is_in_english_under_en(client, submitted, requester):
    client.force_login(requester)
    page = client.get("/en/notifikasi/").content.decode()
    assert "<h1>Notifications</h1>" in page
    assert "Mark all as read" in page


def test_opening_the_request_marks_its_notifications_read(
    client, submitted, requester, application
):
    from loket.requests.tests.factories import submit

    other = submit(submitted.service, requester, application=application)
    client.force_login(requester)
    assert 'aria-label="2 belum dibaca"' in client.get("/").content.decode()
    client.get(f"/permintaan/{submitted.ticket}/")
    assert not Message.objects.inbox_of(requester).filter(req=submitted).unread().exists()
    assert Message.objects.inbox_of(requester).filter(req=other).unread().count() == 1
    assert 'aria-label="1 belum dibaca"' in client.get("/").content.decode()
