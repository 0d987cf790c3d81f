"""A person at the browser: one tab, one language, and every page they reach checked by axe."""

from urllib.parse import urldefrag, urlsplit

from django.conf import settings
from django.db.models import Model
from django.urls import Resolver404, resolve
from django.utils import translation
from playwright.sync_api import Frame, Locator, Page, Response, expect

from .axe import assert_accessible
from .words import words_in

TAB_PRESSES = 40
# axe takes most of a journey's time, so each kind of page (view, language, viewport, signed in
# or not) is checked once a run: a violation fails the first journey that reaches the kind.
ACCESSIBLE_KINDS: set[tuple] = set()


class Visitor:
    def __init__(self, page: Page, *, lang: str, device: str) -> None:
        self.page, self.lang, self.device = page, lang, device
        self.visited: list[str] = []
        self.checked: set[str] = set()
        page.on("framenavigated", self._record)

    def say(self, english: str) -> str:
        """What the page shows for `english` in the visitor's language."""
        return words_in(self.lang)[english]

    def name_of(self, obj: Model) -> str:
        with translation.override(self.lang):
            return obj.name

    def url(self, path: str) -> str:
        """`path`, written in the default language, in the visitor's language."""
        return path if self.lang == settings.LANGUAGE_CODE else f"/{self.lang}{path}"

    def open(self, path: str) -> Response | None:
        return self.page.goto(self.url(path))

    def arrives_at(self, heading: str) -> None:
        expect(self.page.get_by_role("heading", level=1)).to_have_text(heading)
        self.check()

    def check(self, *, view: str = "") -> None:
        """The page fits the screen's width and axe finds nothing serious on it."""
        self.page.wait_for_load_state()
        width = self.page.evaluate("document.documentElement.scrollWidth")
        screen = self.page.viewport_size["width"]
        assert width <= screen, f"{self.page.url} is {width}px wide, the {self.device} {screen}px"
        kind = (view or self._view_name(), self.lang, self.device, self._signed_in())
        if kind not in ACCESSIBLE_KINDS:
            assert_accessible(self.page, where=f"{self.device}, {self.lang}")
            ACCESSIBLE_KINDS.add(kind)
        self.checked.add(urldefrag(self.page.url).url)

    def navigate(self, link: str) -> None:
        """Follow a link of the main navigation; on a phone it sits behind the Menu button."""
        target = self._main_navigation().get_by_role("link", name=link, exact=True)
        if self.device == "phone":
            expect(target).to_be_hidden()
            self.open_menu()
        target.click()

    def open_menu(self) -> None:
        menu = self._main_navigation().get_by_role("button", name=self.say("Menu"), exact=True)
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        self.check(view="menu")

    def sign_in(self, user, *, password: str) -> None:
        self.page.get_by_label(self.say("Login")).fill(user.username)
        self.page.get_by_label(self.say("Password")).fill(password)
        main = self.page.get_by_role("main")
        main.get_by_role("button", name=self.say("Sign in"), exact=True).click()

    def tab_to(self, target: Locator) -> None:
        """Press Tab until `target` has the focus, as someone without a mouse would."""
        for _ in range(TAB_PRESSES):
            self.page.keyboard.press("Tab")
            if target.evaluate("element => element === document.activeElement"):
                expect(target).to_be_in_viewport()
                outline = target.evaluate("element => getComputedStyle(element).outlineStyle")
                assert outline != "none", f"{target} shows no focus outline"
                return
        focused = self.page.evaluate("document.activeElement.outerHTML.slice(0, 200)")
        raise AssertionError(f"{TAB_PRESSES} presses of Tab never reached {target}; at {focused}")

    def unchecked(self) -> list[str]:
        return [url for url in self.visited if url not in self.checked]

    def _main_navigation(self) -> Locator:
        return self.page.get_by_role("navigation", name=self.say("Main navigation"))

    def _view_name(self) -> str:
        with translation.override(self.lang):
            try:
                return resolve(urlsplit(self.page.url).path).view_name
            except Resolver404:
                return "404"

    def _signed_in(self) -> bool:
        return self.page.get_by_role("button", name=self.say("Sign out"), exact=True).count() > 0

    def _record(self, frame: Frame) -> None:
        if frame == self.page.main_frame and frame.url.startswith("http"):
            self.visited.append(urldefrag(frame.url).url)
