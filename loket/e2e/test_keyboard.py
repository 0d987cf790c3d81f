import pytest
from playwright.sync_api import expect

from loket.accounts.tests.factories import PASSWORD
from loket.catalog.tests.factories import ServiceFactory

pytestmark = pytest.mark.browser


def test_it_finds_and_opens_a_service_with_the_keyboard_alone(visitor, service):
    other = ServiceFactory(unit=service.unit, name_id="Layanan VPN", name_en="VPN Service")
    page, say, name = visitor.page, visitor.say, visitor.name_of(service)
    visitor.open("/")
    visitor.check()

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=say("Skip to content"))
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")

    visitor.tab_to(page.get_by_role("searchbox", name=say("What service do you need?")))
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    visitor.arrives_at(say("Search"))

    result = page.get_by_role("link", name=name, exact=True)
    expect(result).to_have_count(1)
    expect(page.get_by_role("link", name=visitor.name_of(other), exact=True)).to_have_count(0)
    visitor.tab_to(result)
    page.keyboard.press("Enter")
    visitor.arrives_at(name)


def test_it_signs_in_with_the_keyboard_alone(visitor, requester):
    page, say = visitor.page, visitor.say
    visitor.open("/")
    visitor.check()

    visitor.tab_to(page.get_by_role("link", name=say("Sign in"), exact=True))
    page.keyboard.press("Enter")
    visitor.arrives_at(say("Sign in"))

    visitor.tab_to(page.get_by_label(say("Login")))
    page.keyboard.type(requester.username)
    visitor.tab_to(page.get_by_label(say("Password")))
    page.keyboard.type(PASSWORD)
    visitor.tab_to(page.get_by_role("main").get_by_role("button", name=say("Sign in"), exact=True))
    page.keyboard.press("Enter")

    expect(page.get_by_role("button", name=say("Sign out"), exact=True)).to_be_visible()
    expect(page).to_have_url(visitor.url("/"))
    visitor.check()
