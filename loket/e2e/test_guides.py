import pytest
from playwright.sync_api import expect

from loket.catalog import demo
from loket.guides import content

pytestmark = pytest.mark.browser


@pytest.fixture
def catalog(db):
    demo.load()


def test_a_procedure_step_leads_to_what_the_requester_does_there(visitor, catalog):
    page = visitor.page
    visitor.open("/layanan/layanan-upgrade-aplikasi/")
    visitor.check()
    submit = content.section("pemohon", "buat-permintaan", visitor.lang)
    page.locator("a.step-help").first.click()

    visitor.arrives_at(content.guide("pemohon", visitor.lang).title)
    heading = page.locator("#buat-permintaan")
    expect(heading).to_have_text(submit.title)
    expect(heading).to_be_in_viewport()
    contents = page.get_by_role("navigation", name=page.locator("#toc-heading").inner_text())
    expect(contents.get_by_role("link")).to_have_count(len(content.guide("pemohon").sections))


def test_the_help_page_lists_each_roles_guide(visitor, catalog):
    page = visitor.page
    visitor.open("/")
    visitor.check()
    page.locator("footer").get_by_role("link", name=_help(visitor), exact=True).click()
    visitor.arrives_at(_help(visitor))
    for role in content.ROLES:
        title = content.guide(role, visitor.lang).title
        expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()
    page.get_by_role("link", name=content.guide("staf", visitor.lang).title).click()
    visitor.arrives_at(content.guide("staf", visitor.lang).title)


def _help(visitor) -> str:
    return "Panduan" if visitor.lang == "id" else "Help"
