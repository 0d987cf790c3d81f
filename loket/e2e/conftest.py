"""Browser journeys: one Chromium for the run, a fresh context per test, axe on every page."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

from .visitor import Visitor

# Without the networking flags Chromium keeps dialling Google, which this closed network refuses.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
NO_CHROMIUM = (
    "The browser tests need Chromium and found none: install Playwright's Chromium with "
    "`playwright install chromium`, or Debian's with `apt-get install chromium`."
)
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
    },
}
LOCALES = {"id": "id-ID", "en": "en-GB"}
# Generous for a busy machine; a broken journey still fails, only later.
TIMEOUT_MS = 10_000
SCREENSHOTS = pytest.StashKey[Path]()
CALL_PASSED = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def chromium_launch_options(browser_type_launch_args: dict) -> dict:
    """Playwright's own Chromium when it is installed, else the system's (Debian's package)."""
    options = {**browser_type_launch_args, "args": LAUNCH_ARGS}
    with sync_playwright() as playwright:
        own = Path(playwright.chromium.executable_path)
    if not own.exists():
        system = shutil.which("chromium")
        if system is None:
            pytest.fail(NO_CHROMIUM, pytrace=False)
        options["executable_path"] = system
    return options


@pytest.fixture(scope="package")
def chromium(chromium_launch_options: dict):
    # Playwright's sync API marks its event loop as running in this thread until it stops, and
    # Django then refuses ORM calls from the thread (the tests' data, the flush between tests).
    # So the ORM is allowed, and the browser lives, only while this package's tests run.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(**chromium_launch_options)
        yield browser
        browser.close()


@pytest.fixture(params=["id", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture(params=list(DEVICES))
def device(request) -> str:
    return request.param


@pytest.fixture
def visitor(request, chromium, live_server, lang: str, device: str, screenshots: Path):
    context = chromium.new_context(
        base_url=live_server.url, locale=LOCALES[lang], **DEVICES[device]
    )
    context.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    visitor = Visitor(context.new_page(), lang=lang, device=device)
    yield visitor
    passed = request.node.stash.get(CALL_PASSED, None)
    if passed is False:
        visitor.page.screenshot(path=screenshots / f"failed-{request.node.name}.png")
    context.close()
    if passed:
        unchecked = visitor.unchecked()
        assert not unchecked, f"the journey reached pages it never checked: {unchecked}"


@pytest.fixture(scope="session")
def screenshots(pytestconfig) -> Path:
    default = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
    folder = Path(os.environ.get("LOKET_SCREENSHOTS") or default).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    pytestconfig.stash[SCREENSHOTS] = folder
    return folder


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[CALL_PASSED] = report.passed
    return report


def pytest_terminal_summary(terminalreporter, config) -> None:
    if SCREENSHOTS in config.stash:
        terminalreporter.write_line(f"Screenshots of the portal: {config.stash[SCREENSHOTS]}")
