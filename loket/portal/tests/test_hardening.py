"""Production settings, security headers and the Content-Security-Policy without inline script."""

import os
import subprocess
import sys
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.conf import settings
from django.urls import reverse

from loket.accounts.tests.factories import PASSWORD
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3J9-vQ2xLm7Rt8Wz1Np4Hs6Yb0Cd5Fg_Ue2Ai9Oq7Xr3Mv8Tn1Ly4Pw6Zj0Bk5Gh",
    "ALLOWED_HOSTS": "eservice.example.ac.id",
    "CSRF_TRUSTED_ORIGINS": "https://eservice.example.ac.id",
}


def test_production_settings_pass_the_deployment_check_without_a_warning(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env |= PRODUCTION | {"SQLITE_PATH": str(tmp_path / "check.sqlite3")}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


class InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, handlers and styles."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        if tag == "script" and "src" not in names:
            self._in_script = True
        if tag == "style":
            self.found.append("<style> element")
        self.found += [f"{tag}[{n}]" for n in names if n.startswith("on") or n == "style"]
        self.found += [
            f"{tag}[{n}={v}]" for n, v in attrs if v and v.strip().lower().startswith("javascript:")
        ]

    def handle_endtag(self, tag):
        self._in_script = False if tag == "script" else self._in_script

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.found.append(f"inline script: {data.strip()[:60]}")


@pytest.fixture
def main_pages(service, requester, unit_admin, director, staff):
    from loket.catalog.tests.factories import ApplicationFactory

    service.asks_for_application = True
    service.save()
    req = factories.submit(
        service, requester, application=ApplicationFactory(owner_unit=service.unit)
    )
    public = [
        "/",
        reverse("catalog:services"),
        service.get_absolute_url(),
        reverse("catalog:units"),
        reverse("catalog:unit", args=[service.unit.slug]),
        reverse("search:search") + "?q=modul",
        reverse("account_login"),
        reverse("account_signup"),
        "/halaman-yang-tidak-ada/",
    ]
    own = [
        reverse("requests:new", args=[service.slug]),
        req.get_absolute_url(),
        reverse("requests:history"),
        reverse("notifications:centre"),
        reverse("notifications:preferences"),
        reverse("profile"),
        reverse("api_tokens"),
    ]
    unit_pages = [
        req.get_absolute_url(),
        reverse("requests:inbox"),
        reverse("requests:walk_in"),
        reverse("requests:sheet", args=[req.ticket]),
        reverse("surveys:report"),
    ]
    return [(None, public), (requester, own), (unit_admin, unit_pages)]


def test_main_pages_carry_no_inline_script_or_style_and_send_the_policy(client, main_pages):
    for user, urls in main_pages:
        if user:
            client.force_login(user)
        for url in urls:
            for language_url in (url, "/en" + url):
                response = client.get(language_url, secure=True)
                assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND), language_url
                assert "script-src 'self'" in response["Content-Security-Policy"], language_url
                assert "unsafe-inline" not in response["Content-Security-Policy"]
                parser = InlineCode()
                parser.feed(response.content.decode())
                assert parser.found == [], f"{language_url}: {parser.found}"


def test_pages_send_the_security_headers_over_https(client):
    response = client.get("/", secure=True)
    policy = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "object-src 'none'",
    ):
        assert directive in policy
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_cookies_are_secure_and_out_of_reach_of_scripts(client, requester):
    page = client.get(reverse("account_login"), secure=True)
    signed_in = client.post(
        reverse("account_login"), {"login": requester.username, "password": PASSWORD}, secure=True
    )
    assert signed_in.status_code == HTTPStatus.FOUND
    language = client.post(reverse("set_language"), {"language": "en", "next": "/en/"}, secure=True)
    cookies = {
        "csrftoken": page.cookies["csrftoken"],
        "sessionid": signed_in.cookies["sessionid"],
        "django_language": language.cookies["django_language"],
    }
    for name, morsel in cookies.items():
        assert morsel["secure"] and morsel["httponly"], name
        assert morsel["samesite"] == "Lax", name


# Rendered outside the browser's CSP: e-mail clients need inline styles, WeasyPrint reads the
# <style> of the PDFs.
NOT_PAGES = {
    "notifications/email/message.html": "an e-mail",
    "accounts/my_data_pdf.html": "a PDF (WeasyPrint)",
    "complaints/receipt.html": "a PDF (WeasyPrint)",
    "dashboards/index_pdf.html": "a PDF (WeasyPrint)",
    "requests/demo_letter.html": "a PDF (WeasyPrint)",
    "requests/receipt.html": "a PDF (WeasyPrint)",
    "requests/disposition_sheet_pdf.html": "a PDF (WeasyPrint)",
    "surveys/report_pdf.html": "a PDF (WeasyPrint)",
}


def test_no_template_of_a_page_has_inline_script_or_style():
    found = {}
    for path in sorted(settings.BASE_DIR.glob("loket/**/templates/**/*.html")):
        name = path.as_posix().split("/templates/", 1)[1]
        parser = InlineCode()
        parser.feed(path.read_text())
        if parser.found and name not in NOT_PAGES:
            found[name] = parser.found
    assert found == {}


def test_the_admin_panel_keeps_to_the_policy_too(client, superadmin, unit):
    client.force_login(superadmin)
    for url in ("/admin/", "/admin/catalog/unit/", f"/admin/catalog/unit/{unit.pk}/change/"):
        response = client.get(url, secure=True)
        assert response.status_code == HTTPStatus.OK, url
        parser = InlineCode()
        parser.feed(response.content.decode())
        assert parser.found == [], f"{url}: {parser.found}"
