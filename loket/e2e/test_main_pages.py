from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

import pytest
from django.urls import reverse

from loket.catalog import demo
from loket.catalog.models import Service, Unit

pytestmark = pytest.mark.browser


@pytest.fixture
def main_pages(db) -> dict[str, tuple[str, HTTPStatus]]:
    demo.load()
    return {
        "home": ("/", HTTPStatus.OK),
        "services": (reverse("catalog:services"), HTTPStatus.OK),
        "service": (Service.objects.get(code="SOP#24").get_absolute_url(), HTTPStatus.OK),
        "unit": (Unit.objects.get(code="DTIK").get_absolute_url(), HTTPStatus.OK),
        "sign-in": (reverse("account_login"), HTTPStatus.OK),
        "not-found": ("/tidak-ada/", HTTPStatus.NOT_FOUND),
    }


def test_it_shows_the_main_pages_accessibly_and_keeps_screenshots(visitor, main_pages, screenshots):
    problems = []
    for name, (path, status) in main_pages.items():
        response = visitor.open(path)
        assert response.status == status, f"{visitor.url(path)} answered {response.status}"
        problems += _problems_of(visitor.check)
        _screenshot(visitor, screenshots / name, full_page=True)
    if visitor.device == "phone":
        visitor.open("/")
        problems += _problems_of(visitor.check)
        problems += _problems_of(visitor.open_menu)
        _screenshot(visitor, screenshots / "menu", full_page=False)
    assert not problems, "\n\n".join(problems)


def _problems_of(check: Callable[[], None]) -> list[str]:
    """Every page gets its screenshot, also after an earlier page failed its check."""
    try:
        check()
    except AssertionError as problem:
        return [str(problem)]
    return []


def _screenshot(visitor, stem: Path, *, full_page: bool) -> None:
    path = stem.with_name(f"{stem.name}-{visitor.lang}-{visitor.device}.png")
    visitor.page.screenshot(path=path, full_page=full_page)
