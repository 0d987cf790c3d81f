import pytest
from playwright.sync_api import expect

from loket.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_it_asks_for_sign_in_before_a_request_and_then_opens_it(visitor, service, requester):
    page, say, name = visitor.page, visitor.say, visitor.name_of(service)
    visitor.open("/")
    visitor.check()

    visitor.navigate(say("Services"))
    visitor.arrives_at(say("Services"))
    page.get_by_role("link", name=name, exact=True).click()
    visitor.arrives_at(name)
    expect(page.get_by_role("heading", name=say("Service Information"))).to_be_visible()

    page.get_by_role("link", name=say("Create Request"), exact=True).click()
    visitor.arrives_at(say("Sign in"))
    visitor.sign_in(requester, password=PASSWORD)

    visitor.arrives_at(say("Create Request"))
    expect(page.get_by_role("main")).to_contain_text(name)
