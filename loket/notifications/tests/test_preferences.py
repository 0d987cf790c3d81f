"""Each person chooses WhatsApp and e-mail; the in-portal inbox always gets the message."""

from http import HTTPStatus

import pytest

from loket.notifications.models import Preference
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db


def test_it_saves_the_persons_choice(client, requester):
    client.force_login(requester)
    assert client.get("/notifikasi/pengaturan/").status_code == HTTPStatus.OK
    response = client.post("/notifikasi/pengaturan/", {"by_whatsapp": "on"})
    assert response.status_code == HTTPStatus.FOUND
    preference = Preference.objects.get(user=requester)
    assert (preference.by_whatsapp, preference.by_email) == (True, False)


def test_the_choice_decides_the_channels(client, requester, upgrade_service, application):
    client.force_login(requester)
    client.post("/notifikasi/pengaturan/", {"by_email": "on"})
    factories.submit(upgrade_service, requester, application=application)
    assert {m.channel for m in requester.notifications.all()} == {"inbox", "email"}


def test_it_points_to_the_profile_without_consent(client, requester):
    requester.set_whatsapp_consent(False)
    requester.save()
    client.force_login(requester)
    page = client.get("/en/notifikasi/pengaturan/").content.decode()
    assert "your WhatsApp number and your consent" in page
