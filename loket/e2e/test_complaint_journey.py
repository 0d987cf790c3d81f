"""Buat Keluhan end to end in a browser (issue 7, acceptance 1): the requester files a complaint
keeping their identity from the staff, the Admin Unit verifies it and assigns it to staff, the
staff answer without seeing who complained, the requester reopens it, the staff answer again,
and the requester confirms it; every page checked by axe, in both languages, on a phone too."""

import pytest
from playwright.sync_api import expect

from loket.complaints.models import Complaint

from .test_sop24_journey import Desk, act, pdf, sign_in_as

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(chromium, live_server, lang, device):
    desk = Desk(chromium, live_server, lang=lang, device=device)
    yield desk
    desk.close()


@pytest.mark.parametrize(("lang", "device"), [("id", "desktop"), ("en", "phone")])
def test_a_complaint_with_a_reopen(
    visitor, desk, service, requester, unit_admin, staff, lang, device
):
    page, say = visitor.page, visitor.say
    requester.full_name = "Putri Rahasia"
    requester.save()

    # The requester finds Buat Keluhan on the service page and files the complaint.
    sign_in_as(visitor, requester, f"{service.get_absolute_url()}keluhan/", two_factor=False)
    visitor.arrives_at(say("Submit Complaint"))
    visitor.open(service.get_absolute_url())
    visitor.check()
    page.get_by_role("link", name=say("Submit Complaint"), exact=True).first.click()
    visitor.arrives_at(say("Submit Complaint"))
    page.get_by_label(say("Subject of the complaint")).fill("Antrean loket terlalu lama")
    page.get_by_label(say("What happened")).fill("Saya menunggu dua jam tanpa kabar.")
    page.get_by_label(say("Supporting files (optional)")).set_input_files(pdf("bukti.pdf"))
    page.get_by_label(say("Keep my identity hidden from the staff who handle it")).check()
    page.get_by_role("button", name=say("Save"), exact=True).click()
    complaint = Complaint.objects.get()
    ticket, url = complaint.ticket, complaint.get_absolute_url()
    visitor.arrives_at(ticket)
    expect(page.locator(".facts")).to_contain_text(say("Received"))

    # The Admin Unit sees who complained, verifies it and assigns it to the staff.
    admin = desk.person(unit_admin, url, two_factor=True)
    admin.arrives_at(ticket)
    expect(admin.page.get_by_role("main")).to_contain_text("Putri Rahasia")
    act(admin, "Verify")
    act(admin, "Assign for follow-up", lambda panel: panel.get_by_label(str(staff)).check())
    expect(admin.page.locator(".facts")).to_contain_text(say("In Follow-up"))

    # The staff find it in their inbox, without the complainant's name, and answer.
    worker = desk.person(staff, "/kotak-masuk/", two_factor=False)
    worker.arrives_at(say("Inbox"))
    expect(worker.page.get_by_role("main")).to_contain_text(say("Identity withheld"))
    worker.page.get_by_role("link", name=ticket, exact=True).click()
    worker.arrives_at(ticket)
    expect(worker.page.get_by_role("main")).not_to_contain_text("Putri Rahasia")

    def answer(text):
        return lambda panel: panel.get_by_label(say("Answer to the complainant")).fill(text)

    act(worker, "Answer", answer("Kami menambah satu petugas loket."))

    # The requester reads the answer and reopens the complaint.
    visitor.open(url)
    visitor.arrives_at(ticket)
    expect(page.get_by_role("main")).to_contain_text("Kami menambah satu petugas loket.")
    act(
        visitor,
        "Reopen",
        lambda panel: panel.get_by_label(say("What is still unresolved")).fill("Masih lama."),
    )
    expect(page.locator(".facts")).to_contain_text(say("In Follow-up"))

    # The staff answer again; the requester confirms, and Riwayat Saya shows it resolved.
    worker.open(url)
    worker.arrives_at(ticket)
    expect(worker.page.get_by_role("main")).to_contain_text("Masih lama.")
    act(worker, "Answer", answer("Antrean kini di bawah 15 menit."))
    visitor.open(url)
    visitor.arrives_at(ticket)
    act(visitor, "Confirm resolved")
    expect(page.locator(".facts")).to_contain_text(say("Resolved"))
    visitor.open("/riwayat/")
    visitor.arrives_at(say("My History"))
    row = page.get_by_role("row").filter(has_text=ticket)
    expect(row).to_contain_text(say("Resolved"))
