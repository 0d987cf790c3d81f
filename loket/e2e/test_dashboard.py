"""The Direktur opens the Dasbor from the header and follows a figure to the requests behind it."""

import pytest
from playwright.sync_api import expect

from loket.dashboards.tests.conftest import dataset, second_staff  # noqa: F401  (fixtures)
from loket.requests.models import RUNNING, ServiceRequest

from .test_sop24_journey import sign_in_as

pytestmark = pytest.mark.browser


def test_the_director_follows_a_figure_to_its_requests(
    visitor,
    dataset,  # noqa: F811
    director,
    unit,
    screenshots,
):
    page, say = visitor.page, visitor.say
    sign_in_as(visitor, director, "/kotak-masuk/", two_factor=True)
    visitor.arrives_at(say("Inbox"))

    visitor.navigate(say("Dashboard"))
    visitor.arrives_at(say("Dashboard"))
    open_now = ServiceRequest.objects.filter(unit=unit, status__in=RUNNING).count()
    row = page.locator("tr", has=page.get_by_role("rowheader", name=say("All open requests")))
    link = row.get_by_role("link")
    expect(link).to_have_text(str(open_now))
    expect(page.get_by_role("img", name=say("Open requests by age"))).to_be_visible()
    shot = f"dashboard-{visitor.lang}-{visitor.device}.png"
    page.screenshot(path=screenshots / shot, full_page=True)

    link.click()
    visitor.arrives_at(say("Requests"))
    expect(page.locator(".request-table tbody tr")).to_have_count(open_now)
    expect(page.get_by_role("link", name=say("Download CSV"))).to_be_visible()
