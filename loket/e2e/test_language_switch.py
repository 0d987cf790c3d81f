import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_it_keeps_the_page_when_switching_language(visitor, service):
    page, path = visitor.page, service.get_absolute_url()
    visitor.open(path)
    visitor.arrives_at(visitor.name_of(service))

    chosen = "en" if visitor.lang == "id" else "id"
    page.get_by_label(visitor.say("Language"), exact=True).select_option(chosen)
    visitor.lang = chosen
    expect(page).to_have_url(visitor.url(path))
    visitor.arrives_at(visitor.name_of(service))
    expect(page.get_by_role("heading", name=visitor.say("Service Information"))).to_be_visible()

    page.goto("/layanan/")
    expect(page).to_have_url(visitor.url("/layanan/"))
    visitor.arrives_at(visitor.say("Services"))
