"""SOP#24 end to end in a browser, each role in turn: the requester files a request with a PDF,
the Admin Unit returns it, the requester revises and resubmits, the Admin Unit verifies and
forwards it, the Direktur disposes it to staff, the staff start and complete it, and the
requester follows every step on the timeline and in Riwayat Saya."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from loket.accounts.tests.factories import PASSWORD, totp_code
from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.requests.models import ServiceRequest
from loket.requests.tests.factories import pdf_bytes

from .conftest import DEVICES, LOCALES, TIMEOUT_MS
from .visitor import Visitor

pytestmark = pytest.mark.browser


def pdf(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes()}


class Desk:
    """Each person at their own browser, signed in once (a TOTP code is good only once)."""

    def __init__(self, chromium, live_server, *, lang: str, device: str) -> None:
        self.chromium, self.base_url, self.lang, self.device = (
            chromium,
            live_server.url,
            lang,
            device,
        )
        self.contexts = []

    def person(self, user, path: str, *, two_factor: bool) -> Visitor:
        context = self.chromium.new_context(
            base_url=self.base_url, locale=LOCALES[self.lang], **DEVICES[self.device]
        )
        context.set_default_timeout(TIMEOUT_MS)
        self.contexts.append(context)
        visitor = Visitor(context.new_page(), lang=self.lang, device=self.device)
        sign_in_as(visitor, user, path, two_factor=two_factor)
        return visitor

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def sign_in_as(visitor, user, path: str, *, two_factor: bool) -> None:
    visitor.open(path)
    visitor.arrives_at(visitor.say("Sign in"))
    visitor.sign_in(user, password=PASSWORD)
    if two_factor:
        visitor.page.wait_for_load_state()
        visitor.check()
        visitor.page.locator("input[name=code]").fill(totp_code())
        visitor.page.locator("main button[type=submit]:not([form])").click()


def act(visitor, action: str, fill=None) -> None:
    """Open the action's panel on the request page, fill it in and press its button."""
    page, label = visitor.page, visitor.say(action)
    panel = page.locator("details", has=page.get_by_text(label, exact=True))
    if not panel.evaluate("panel => panel.open"):
        panel.locator("summary").click()
    if fill:
        fill(panel)
    panel.get_by_role("button", name=label, exact=True).click()
    visitor.page.wait_for_load_state()
    visitor.check()


@pytest.fixture
def desk(chromium, live_server, lang, device):
    desk = Desk(chromium, live_server, lang=lang, device=device)
    yield desk
    desk.close()


@pytest.mark.parametrize(("lang", "device"), [("id", "desktop"), ("en", "phone")])
def test_the_whole_sop24_path_with_every_role(
    visitor, desk, unit, requester, unit_admin, director, staff, lang, device
):
    page, say = visitor.page, visitor.say
    service = ServiceFactory(
        unit=unit, slug="layanan-upgrade-aplikasi", code="SOP#24", asks_for_application=True
    )
    ApplicationFactory(owner_unit=unit, name="SIAKAD")

    # The requester files the request.
    sign_in_as(visitor, requester, f"{service.get_absolute_url()}permintaan/", two_factor=False)
    visitor.arrives_at(say("Create Request"))
    page.get_by_label(say("Application")).select_option(label="SIAKAD")
    page.get_by_label(say("What is to be upgraded")).fill("Modul cetak transkrip")
    page.get_by_label(say("Description"), exact=True).fill("Mohon ditambahkan modul cetak.")
    page.get_by_label(say("Letter number")).fill("12/UN.FT/TI/2026")
    page.get_by_label(say("Letter date")).fill(str(timezone.localdate()))
    page.get_by_label(say("Signed by (name)")).fill("Dr. Contoh Pimpinan")
    page.get_by_label(say("Signatory's position")).fill("Dekan")
    page.get_by_label(say("Requesting unit")).fill("Fakultas Teknik")
    page.get_by_label(say("WhatsApp number")).fill("0812-3456-7890")
    page.get_by_label(say("Signed request letter")).set_input_files(pdf("surat.pdf"))
    page.get_by_role("button", name=say("Save"), exact=True).click()
    ticket = ServiceRequest.objects.get().ticket
    request_page = f"/permintaan/{ticket}/"
    visitor.arrives_at(ticket)
    expect(page.locator(".facts")).to_contain_text(say("Submitted"))

    # The Admin Unit returns it, naming the reason.
    admin = desk.person(unit_admin, request_page, two_factor=True)
    admin.arrives_at(ticket)
    act(
        admin,
        "Return",
        lambda panel: panel.get_by_label(say("Reason for the return")).fill("Belum distempel."),
    )
    expect(admin.page.locator(".facts")).to_contain_text(say("Returned"))

    # The requester revises and resubmits with a stamped letter.
    visitor.open(request_page)
    visitor.arrives_at(ticket)
    expect(page.get_by_role("main")).to_contain_text("Belum distempel.")
    page.get_by_role("link", name=say("Resubmit"), exact=True).click()
    visitor.check()
    page.get_by_label(say("Signed request letter")).set_input_files(pdf("surat-distempel.pdf"))
    page.get_by_role("button", name=say("Resubmit"), exact=True).click()
    visitor.arrives_at(ticket)

    # The Admin Unit verifies with the checklist and forwards it to the Direktur.
    admin.open(request_page)
    admin.arrives_at(ticket)
    act(admin, "Verify", lambda panel: [box.check() for box in panel.get_by_role("checkbox").all()])
    act(admin, "Forward to Director")

    # The Direktur finds it in the inbox and disposes it to the staff.
    head = desk.person(director, "/kotak-masuk/", two_factor=True)
    head.arrives_at(say("Inbox"))
    head.page.get_by_role("link", name=ticket, exact=True).click()
    head.arrives_at(ticket)

    def disposition(panel):
        panel.get_by_label(str(staff), exact=True).check()
        panel.get_by_label(say("For follow-up"), exact=True).check()

    act(head, "Dispose", disposition)

    # The staff start the work and complete it.
    worker = desk.person(staff, request_page, two_factor=False)
    worker.arrives_at(ticket)
    act(worker, "Start work")
    act(
        worker,
        "Complete",
        lambda panel: panel.get_by_label(say("Result summary")).fill("Modul cetak sudah aktif."),
    )

    # The requester sees every step, and the result, on the timeline and in Riwayat Saya.
    visitor.open("/riwayat/")
    visitor.arrives_at(say("My History"))
    row = page.get_by_role("row").filter(has_text=ticket)
    expect(row).to_contain_text(say("Completed"))
    row.get_by_role("link", name=ticket, exact=True).click()
    visitor.arrives_at(ticket)
    expect(page.get_by_role("main")).to_contain_text("Modul cetak sudah aktif.")
    timeline = page.locator("ol.timeline")
    for step in (
        "Request submitted through the portal",
        "Returned for revision",
        "Revised and resubmitted",
        "Letter verified",
        "Forwarded to the Director",
        "Disposed to staff",
        "Work started",
        "Completed (event)",
    ):
        expect(timeline).to_contain_text(say(step))
