"""A small browser for the SSO tests: follows redirects and submits forms across hosts.

Loket is reached through Django's test client (with CSRF checks on, as a browser would need), the
identity providers on loopback through `requests`. A form posted from another site to Loket
carries no Loket cookies, as SameSite=Lax cookies behave in a real browser.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import requests
from django.test import Client

AUTO_SUBMIT = "document.forms[0].submit()"
LOKET_HOST = "loket.test"  # SAML refuses single-label hosts such as "testserver"


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    buttons: list[tuple[str, str, str]] = field(default_factory=list)  # (name, value, text)


class FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._button: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(Form(attrs.get("action", ""), attrs.get("method", "get").lower()))
        elif tag == "input" and self.forms and attrs.get("name"):
            if attrs.get("type") == "submit":
                self.forms[-1].buttons.append((attrs["name"], attrs.get("value", ""), ""))
            elif attrs.get("type") != "checkbox" or "checked" in attrs:
                self.forms[-1].fields[attrs["name"]] = attrs.get("value", "")
        elif tag == "button" and self.forms:
            self._button = [attrs.get("name", ""), attrs.get("value", ""), ""]

    def handle_data(self, data):
        if self._button is not None:
            self._button[2] += data

    def handle_endtag(self, tag):
        if tag == "button" and self._button is not None:
            self.forms[-1].buttons.append(tuple(part.strip() for part in self._button))
            self._button = None


@dataclass
class Page:
    url: str
    status: int
    text: str

    @property
    def forms(self) -> list[Form]:
        parser = FormParser()
        parser.feed(self.text)
        return parser.forms

    def form(self, action_contains: str = "", button: str = "") -> Form:
        for form in self.forms:
            texts = [text for _, _, text in form.buttons]
            if action_contains in form.action and (not button or button in texts):
                return form
        raise AssertionError(f"no form {action_contains!r}/{button!r} on {self.url}")


class Browser:
    def __init__(self, *, auto_submit: bool = True) -> None:
        self.auto_submit = auto_submit
        self.rewrite: Callable[[str], str] = lambda url: url  # what a meddler in the middle does
        self.client = Client(enforce_csrf_checks=True, HTTP_HOST=LOKET_HOST)
        self.web = requests.Session()
        self.page: Page | None = None

    def get(self, url: str) -> Page:
        return self._go("get", url, None)

    def submit(self, form: Form, button: str = "", **values: str) -> Page:
        data = {**form.fields, **values}
        for name, value, text in form.buttons:
            if name and (not button or text == button):
                data[name] = value
                break
        url = urljoin(self.page.url, form.action or self.page.url)
        if form.method == "get":
            return self._go("get", f"{url}?{urlencode(data)}", None)
        return self._go("post", url, data)

    def _go(self, method: str, url: str, data: dict | None) -> Page:
        for _hop in range(20):
            status, location, text = self._request(method, url, data)
            if location is None:
                self.page = Page(url, status, text)
                if (
                    self.auto_submit and AUTO_SUBMIT in text
                ):  # what the SAML HTTP-POST binding's script does
                    return self.submit(self.page.forms[0])
                return self.page
            method, data, url = "get", None, urljoin(url, location)
        raise AssertionError(f"too many redirects, the last to {url}")

    def _request(self, method: str, url: str, data: dict | None):
        url = self.rewrite(url)
        parts = urlsplit(url)
        if parts.netloc in ("", LOKET_HOST):
            return self._loket(method, url, data)
        response = self.web.request(method, url, data=data, allow_redirects=False, timeout=10)
        location = response.headers.get("Location") if response.is_redirect else None
        return response.status_code, location, response.text

    def _loket(self, method: str, url: str, data: dict | None):
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        from_elsewhere = self.page is not None and urlsplit(self.page.url).netloc not in (
            "",
            LOKET_HOST,
        )
        if method == "post" and from_elsewhere:
            return self._cross_site_post(path, data)
        response = getattr(self.client, method)(path, data or {})
        return response.status_code, response.headers.get("Location"), response.content.decode()

    def _cross_site_post(self, path: str, data: dict | None):
        kept, self.client.cookies = self.client.cookies, SimpleCookie()
        response = self.client.post(path, data or {})
        kept.update(self.client.cookies)
        self.client.cookies = kept
        return response.status_code, response.headers.get("Location"), response.content.decode()


def with_param(url: str, name: str, value: str) -> str:
    """The URL with one query parameter changed, if it has it."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if name not in query:
        return url
    query[name] = [value]
    return urlunsplit(parts._replace(query=urlencode(query, doseq=True)))
