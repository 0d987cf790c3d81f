"""Staf completes, the requester answers the questionnaire, the request is Ditutup, and the
Direktur's IKM report counts the answer in the current period."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from loket.accounts.tests.factories import PASSWORD, totp_code
from loket.requests.tests.conftest import (  # noqa: F401  (the request fixtures, reused)
    application,
    disposed,
    forwarded,
    in_progress,
    submitted,
    upgrade_service,
    verified,
)
from loket.surveys.tests.conftest import elements  # noqa: F401

pytestmark = pytest.mark.browser
# Every answer the best but U4 (cost) "Murah": Σ NRR = 8 × 4 + 3 = 35, IKM = 35/9 × 25 = 97.22.
SCORES = (4, 4, 4, 3, 4, 4, 4, 4, 4)


def sign_out(visitor) -> None:
    if visitor.device == "phone":
        visitor.open_menu()
    visitor.page.get_by_role("button", name=visitor.say("Sign out"), exact=True).click()
    visitor.page.wait_for_load_state()
    visitor.check()


def test_an_answered_questionnaire_closes_the_request_and_counts_in_the_report(
    visitor,
    in_progress,  # noqa: F811
    staff,
    requester,
    director,
    elements,  # noqa: F811
):
    page, say, ticket = visitor.page, visitor.say, in_progress.ticket

    visitor.open(in_progress.get_absolute_url())
    visitor.arrives_at(say("Sign in"))
    visitor.sign_in(staff, password=PASSWORD)
    visitor.arrives_at(ticket)
    complete = page.locator("details", has=page.get_by_text(say("Complete"), exact=True))
    if not complete.evaluate("panel => panel.open"):
        complete.locator("summary").click()
    page.get_by_label(say("Result summary")).fill("Modul laporan sudah aktif.")
    page.get_by_role("button", name=say("Complete"), exact=True).click()
    visitor.arrives_at(ticket)
    sign_out(visitor)

    visitor.open("/riwayat/")
    visitor.arrives_at(say("Sign in"))
    visitor.sign_in(requester, password=PASSWORD)
    visitor.arrives_at(say("My History"))
    page.get_by_role("link", name=f"{say('Fill in questionnaire')} {ticket}").click()
    visitor.arrives_at(say("Questionnaire"))
    with translation.override(visitor.lang):
        for element, score in zip(elements, SCORES, strict=True):
            question = page.get_by_role("group", name=f"{element.number}. {element.question}")
            question.get_by_label(getattr(element, f"answer_{score}"), exact=True).check()
    page.get_by_label(say("Suggestions and comments (optional)")).fill("Terima kasih.")
    page.get_by_role("button", name=say("Send answers"), exact=True).click()
    visitor.arrives_at(ticket)
    expect(page.locator(".facts")).to_contain_text(say("Closed"))
    sign_out(visitor)

    visitor.open("/akun/login/")
    visitor.arrives_at(say("Sign in"))
    visitor.sign_in(director, password=PASSWORD)
    visitor.check()
    page.locator("input[name=code]").fill(totp_code())
    page.locator("main button[type=submit]:not([form])").click()
    page.wait_for_load_state()
    visitor.check()
    visitor.navigate("IKM")
    visitor.arrives_at(say("Satisfaction index (IKM)"))
    result = page.locator(".ikm-summary")
    expect(result).to_contain_text("97,22" if visitor.lang == "id" else "97.22")
    expect(result).to_contain_text(re.compile(rf"{say('Respondents')}\s*1 "))
    expect(page.locator(".suggestions")).to_contain_text("Terima kasih.")
