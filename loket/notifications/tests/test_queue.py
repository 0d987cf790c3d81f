"""queue_for: the rules, each person's channels and consent, in the change's transaction."""

import pytest
from django.db import transaction

from loket.notifications.models import Audience, ChannelKind, Message, Preference, Rule, State
from loket.requests import workflow
from loket.requests.tests import factories

pytestmark = pytest.mark.django_db


def told(**filters) -> set[tuple[str, str, str]]:
    rows = Message.objects.filter(**filters)
    return {(m.recipient.username, m.trigger, m.channel) for m in rows}


def test_it_tells_the_requester_and_the_unit_admin_of_a_new_request(submitted):
    assert told() == {
        ("pemohon", "submitted", "inbox"),
        ("pemohon", "submitted", "whatsapp"),
        ("pemohon", "submitted", "email"),
        ("adminunit", "submitted", "inbox"),
        ("adminunit", "submitted", "whatsapp"),
        ("adminunit", "submitted", "email"),
    }


def test_the_inbox_copy_is_delivered_at_once_and_the_others_wait_for_the_worker(submitted):
    states = {m.channel: m.state for m in Message.objects.filter(recipient=submitted.requester)}
    assert states == {"inbox": State.DELIVERED, "whatsapp": State.QUEUED, "email": State.QUEUED}


def test_a_rolled_back_change_leaves_no_message(submitted, unit_admin):
    before = Message.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        workflow.forward(
            workflow.verify(
                submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True)
            ),
            by=unit_admin,
        )
        assert Message.objects.count() > before
        raise RuntimeError("the page failed after the change")
    assert Message.objects.count() == before


def test_nobody_in_a_unit_role_is_told_of_their_own_action(submitted, unit_admin, director):
    workflow.verify(submitted, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    workflow.forward(submitted, by=unit_admin)
    assert told(trigger="forwarded", channel="inbox") == {
        ("pemohon", "forwarded", "inbox"),
        ("direktur", "forwarded", "inbox"),
    }


def test_a_walk_in_letter_tells_the_other_admins_but_not_the_one_who_registered_it(
    upgrade_service, requester, unit_admin, application, unit
):
    from loket.accounts.models import Role
    from loket.accounts.tests.factories import person_with_role

    colleague = person_with_role("adminunit2", Role.UNIT_ADMIN, unit)
    workflow.submit(
        upgrade_service,
        requester=requester,
        details=factories.details(application=application),
        letter=factories.letter(),
        by=unit_admin,
    )
    assert {m.recipient for m in Message.objects.filter(channel="inbox")} == {
        requester,
        colleague,
    }


def test_whatsapp_needs_the_persons_consent(upgrade_service, requester, application):
    requester.set_whatsapp_consent(False)
    requester.save()
    factories.submit(upgrade_service, requester, application=application)
    assert ChannelKind.WHATSAPP not in {m.channel for m in requester.notifications.all()}


def test_it_follows_the_persons_channel_preferences(upgrade_service, requester, application):
    Preference.objects.create(user=requester, by_whatsapp=False, by_email=False)
    factories.submit(upgrade_service, requester, application=application)
    assert [m.channel for m in requester.notifications.all()] == [ChannelKind.INBOX]


def test_a_rule_switched_off_tells_nobody(upgrade_service, requester, application):
    Rule.objects.filter(trigger="submitted").update(is_active=False)
    factories.submit(upgrade_service, requester, application=application)
    assert not Message.objects.exists()


def test_a_rule_can_keep_a_trigger_to_the_inbox(upgrade_service, requester, application):
    Rule.objects.filter(trigger="submitted", audience="requester").update(
        by_whatsapp=False, by_email=False
    )
    factories.submit(upgrade_service, requester, application=application)
    assert [m.channel for m in requester.notifications.all()] == [ChannelKind.INBOX]


def test_a_superadmin_can_add_an_audience(upgrade_service, requester, director, application):
    Rule.objects.create(trigger="submitted", audience=Audience.DIRECTOR)
    factories.submit(upgrade_service, requester, application=application)
    assert ("direktur", "submitted", "inbox") in told()


@pytest.mark.parametrize("language", ["id", "en"])
def test_each_message_is_in_the_recipients_language(submitted, language):
    message = Message.objects.get(recipient__username="pemohon", channel="inbox")
    assert message.language == language
    expected = {
        "id": (
            f"Permintaan {submitted.ticket}: Diajukan",
            f"Permintaan Anda {submitted.ticket} untuk Layanan Upgrade Aplikasi telah diterima.",
        ),
        "en": (
            f"Request {submitted.ticket}: Submitted",
            f"Your request {submitted.ticket} for Application Upgrade Service has been received.",
        ),
    }[language]
    assert message.title == expected[0]
    assert message.body.startswith(expected[1])


def test_a_person_without_a_language_gets_indonesian(upgrade_service, requester, application):
    requester.language = ""
    requester.save()
    factories.submit(upgrade_service, requester, application=application)
    assert {m.language for m in requester.notifications.all()} == {"id"}


def test_a_public_progress_note_tells_the_requester_and_a_private_one_nobody(
    submitted, unit_admin, director, staff
):
    in_progress = _to_in_progress(submitted, unit_admin, director, staff)
    before = Message.objects.count()
    workflow.add_note(in_progress, by=staff, note="Internal only", public=False)
    assert Message.objects.count() == before
    workflow.add_note(in_progress, by=staff, note="Modul laporan sudah jadi", public=True)
    note = Message.objects.get(trigger="progress_note", channel="inbox")
    assert note.recipient == submitted.requester
    assert "Modul laporan sudah jadi" in note.body


def test_a_return_tells_the_requester_why(submitted, unit_admin):
    workflow.return_for_revision(
        submitted, by=unit_admin, failed_rules=["stamped"], reason="Surat belum distempel."
    )
    message = Message.objects.get(trigger="returned", channel="inbox")
    assert message.body.endswith("Catatan: Surat belum distempel.")


def test_a_redisposition_tells_the_staff_but_not_the_requester(
    submitted, unit_admin, director, staff
):
    in_progress = _to_in_progress(submitted, unit_admin, director, staff)
    workflow.dispose(in_progress, by=director, order=_order(staff))
    in_progress.refresh_from_db()
    workflow.dispose(in_progress, by=director, order=_order(staff))
    assert told(trigger="redisposed", channel="inbox") == {("staf", "redisposed", "inbox")}
    assert told(trigger="disposed", channel="inbox") == {
        ("pemohon", "disposed", "inbox"),
        ("staf", "disposed", "inbox"),
    }


def test_the_completion_message_links_to_the_questionnaire(submitted, unit_admin, director, staff):
    in_progress = _to_in_progress(submitted, unit_admin, director, staff)
    workflow.complete(in_progress, by=staff, summary="Selesai di-upgrade.")
    message = Message.objects.get(trigger="completed", channel="whatsapp")
    assert message.link.startswith("http://127.0.0.1:8000/kuesioner/tautan/")


def _order(*staff):
    import datetime

    from django.utils import timezone

    return workflow.DispositionOrder(
        staff=list(staff),
        instructions=["follow_up"],
        urgency="normal",
        due_date=timezone.localdate() + datetime.timedelta(days=14),
    )


def _to_in_progress(req, unit_admin, director, staff):
    workflow.verify(req, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    workflow.forward(req, by=unit_admin)
    workflow.dispose(req, by=director, order=_order(staff))
    req.refresh_from_db()
    return workflow.start_work(req, by=staff)
