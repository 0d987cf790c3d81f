import pytest
from playwright.sync_api import expect

from loket.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_it_shows_my_history_after_sign_in(visitor, requester):
    page, say = visitor.page, visitor.say
    visitor.open("/")
    visitor.check()

    visitor.navigate(say("My History"))
    visitor.arrives_at(say("Sign in"))
    visitor.sign_in(requester, password=PASSWORD)

    visitor.arrives_at(say("My History"))
    expect(page.get_by_role("button", name=say("Sign out"), exact=True)).to_be_visible()
