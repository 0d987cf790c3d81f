"""A requester reads the Privacy Notice, downloads their data and deletes their account."""

import json

import pytest
from playwright.sync_api import expect

from loket.accounts.models import User
from loket.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_a_requester_downloads_their_data_then_deletes_their_account(visitor, requester):
    page, say = visitor.page, visitor.say
    visitor.open("/")
    page.get_by_role("contentinfo").get_by_role("link", name=say("Privacy Notice")).click()
    visitor.arrives_at(say("Privacy Notice"))

    visitor.open("/akun/profil/data-saya/")
    visitor.arrives_at(say("Sign in"))
    visitor.sign_in(requester, password=PASSWORD)
    visitor.arrives_at(say("Your data"))

    with page.expect_download() as download:
        page.get_by_role("link", name=say("Download as JSON")).click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["profile"]["username"] == requester.username

    page.get_by_role("main").get_by_role("link", name=say("Delete my account")).click()
    visitor.arrives_at(say("Delete my account"))
    page.get_by_label(say("Your password")).fill(PASSWORD)
    visitor.tab_to(page.get_by_role("button", name=say("Delete my account")))
    page.get_by_label(
        say("I understand that my account and my personal data will be deleted for good.")
    ).check()
    page.get_by_role("button", name=say("Delete my account")).click()

    expect(page.get_by_text(say("Your account has been deleted."))).to_be_visible()
    visitor.check()
    requester.refresh_from_db()
    assert requester.erased_at and not requester.is_active
    assert not User.objects.filter(username="pemohon").exists()
