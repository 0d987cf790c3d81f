"""The guides' screenshots, from a fresh demo database: `make guide-screenshots` writes them into
loket/guides/static/guides/screenshots/; a plain test run takes them all into a temporary folder
and checks that every one could be taken (so the command keeps working)."""

import os
from pathlib import Path

import pytest
from django.test import Client

from loket.guides import demo, screenshots

pytestmark = pytest.mark.browser


@pytest.fixture
def folder(tmp_path) -> Path:
    if os.environ.get("LOKET_GUIDE_SCREENSHOTS") == "write":
        screenshots.FOLDER.mkdir(parents=True, exist_ok=True)
        return screenshots.FOLDER
    return tmp_path


def test_it_takes_every_screenshot_of_the_guides(chromium, live_server, settings, folder):
    settings.DEBUG = True  # the demo accounts
    people = demo.load()
    taken = set()
    for language in screenshots.LANGUAGES:
        for shot in screenshots.SHOTS:
            name = f"{shot.name}-{language}.png"
            _take(chromium, live_server.url, people[shot.user], shot, language, folder / name)
            taken.add(name)
    assert taken == screenshots.file_names()
    for name in taken:
        assert (folder / name).stat().st_size < 200_000, f"{name} is too big for the guides"


def _take(chromium, base_url: str, user, shot, language: str, path: Path) -> None:
    client = Client()
    client.force_login(user)
    context = chromium.new_context(
        base_url=base_url, locale=language, viewport=screenshots.VIEWPORT
    )
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base_url}])
    page = context.new_page()
    url = shot.url()
    response = page.goto(url if language == "id" else f"/{language}{url}")
    assert response.status == 200, f"{shot.name}: {page.url} answered {response.status}"
    if shot.show:
        target = page.locator(shot.show).first
        target.evaluate("node => { const d = node.closest('details'); if (d) d.open = true; }")
        target.evaluate("node => node.closest('details, section').scrollIntoView()")
    # The header clock ticks: a screenshot must not change from one run to the next for it.
    page.evaluate("document.getElementById('clock')?.replaceChildren('')")
    page.screenshot(path=path)
    screenshots.optimise(path)
    context.close()
