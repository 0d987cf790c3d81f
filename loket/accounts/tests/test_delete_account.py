"""Acceptance 3 of issue 11: a deleted account leaves no personal value of its person in any
table, while their requests, timeline and answers stay for the unit's records and statistics."""

import os

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.storage import storages

from loket.accounts.models import ConsentRecord, User
from loket.accounts.tests import scan
from loket.accounts.tests.factories import PASSWORD, UserFactory
from loket.api import tokens
from loket.catalog.tests.factories import ApplicationFactory, ServiceFactory
from loket.complaints import workflow as complaints
from loket.complaints.models import Complaint
from loket.complaints.tests.conftest import evidence, file_complaint
from loket.notifications.delivery import Worker
from loket.notifications.models import Message
from loket.requests import workflow
from loket.requests.models import Event, FileAccess, ServiceRequest
from loket.requests.tests import factories
from loket.surveys.models import Response
from loket.surveys.tests.factories import answered

pytestmark = pytest.mark.django_db

PERSON = {
    "username": "kinanthi.prawiro",
    "email": "kinanthi.prawiro@mahasiswa.example.ac.id",
    "full_name": "Kinanthi Sekarsari Prawirodirdjo",
    "first_name": "Kinanthi",
    "last_name": "Prawirodirdjo",
    "identity_number": "M0521077314",
    "origin": "Program Studi Arkeologi Maritim",
}
SECOND_EMAIL = "kinanthi.lain@alumni.example.org"
SSO_UID = "sso-uid-7f1e9c2b44"
WHATSAPP_TYPED = "0857-1122-9087"
WHATSAPP = "+6285711229087"
TOKEN_NAME = "Laptop Kinanthi"
LETTER_NAME = "surat-kinanthi-prawirodirdjo.pdf"
EVIDENCE_NAME = "bukti-kinanthi-prawirodirdjo.pdf"

# Every value above, and the number as the profile, the letter and free text write it.
VALUES = [
    *PERSON.values(),
    SECOND_EMAIL,
    SSO_UID,
    WHATSAPP,
    "85711229087",
    "0857 1122 9087",
    TOKEN_NAME,
    "surat-kinanthi",
    "bukti-kinanthi",
]


@pytest.fixture
def upgrade_service(unit):
    return ServiceFactory(unit=unit, slug="layanan-upgrade-aplikasi", asks_for_application=True)


@pytest.fixture
def application(unit):
    return ApplicationFactory(owner_unit=unit, name="SIAKAD")


@pytest.fixture
def person(client, db):
    person = UserFactory(**PERSON)
    EmailAddress.objects.create(user=person, email=SECOND_EMAIL, verified=True)
    SocialAccount.objects.create(
        user=person,
        provider="oidc",
        uid=SSO_UID,
        extra_data={"sub": SSO_UID, "email": PERSON["email"], "name": PERSON["full_name"]},
    )
    client.login(username=PERSON["username"], password=PASSWORD)
    fields = {k: PERSON[k] for k in ("full_name", "identity_number", "origin")}
    profile = {**fields, "whatsapp": WHATSAPP_TYPED, "language": "id"}
    client.post("/akun/profil/", {**profile, "whatsapp_consent": "on"})
    client.post("/akun/profil/", profile)  # withdrawn
    client.post("/akun/profil/", {**profile, "whatsapp_consent": "on"})  # and given again
    tokens.issue(person, name=TOKEN_NAME)
    return User.objects.get(pk=person.pk)


@pytest.fixture
def history(person, upgrade_service, application, unit_admin, director, staff, superadmin):
    """A portal request taken from a return to the questionnaire, and a walk-in letter."""
    mention = f"Hubungi {PERSON['full_name']} di 0857 1122 9087 atau {PERSON['email']}."
    req = workflow.submit(
        upgrade_service,
        requester=person,
        details=factories.details(
            whatsapp=WHATSAPP,
            signatory_name=PERSON["full_name"],
            description=mention,
            application=application,
        ),
        letter=factories.letter(LETTER_NAME),
    )
    workflow.return_for_revision(
        req,
        by=unit_admin,
        failed_rules=["signed"],
        reason=f"Surat {PERSON['full_name']} belum ditandatangani.",
    )
    details = factories.details(
        whatsapp=WHATSAPP, signatory_name=PERSON["full_name"], application=application
    )
    workflow.resubmit(
        req, by=person, details=details, letter=factories.letter(LETTER_NAME), note=mention
    )
    workflow.verify(req, by=unit_admin, checklist=dict.fromkeys(workflow.CHECKLIST, True))
    workflow.forward(req, by=unit_admin)
    order = workflow.DispositionOrder(
        staff=[staff],
        instructions=["follow_up"],
        urgency="normal",
        due_date=req.due_date,
        note=f"Koordinasi dengan {PERSON['full_name']}.",
    )
    workflow.dispose(req, by=director, order=order)
    workflow.start_work(req, by=staff)
    workflow.add_note(req, by=staff, note=f"Sudah menghubungi {WHATSAPP}.", public=True)
    workflow.complete(req, by=staff, summary=f"Modul dipasang untuk {PERSON['full_name']}.")
    answered(req, suggestion=f"Terima kasih dari {PERSON['full_name']}")
    walk_in = workflow.submit(
        upgrade_service,
        requester=person,
        by=unit_admin,
        details=factories.details(whatsapp=WHATSAPP, application=application),
        letter=factories.letter(LETTER_NAME),
    )
    complaint = file_complaint(
        upgrade_service,
        person,
        subject=f"Antrean untuk {PERSON['full_name']}",
        description=mention,
        related_request=req,
        files=[evidence(EVIDENCE_NAME)],
    )
    complaints.verify(complaint, by=unit_admin, note=f"Pelapor: {PERSON['full_name']}.")
    complaints.assign(complaint, by=unit_admin, staff=staff, note=f"Telepon {WHATSAPP}.")
    complaints.answer(complaint, by=staff, text=f"Bapak/Ibu {PERSON['last_name']}, sudah.")
    complaints.reopen(complaint, by=person, reason=f"Hubungi saya di {WHATSAPP_TYPED}.")
    Worker(batch=50, lease=60).drain()  # the outbox's rows now carry the addresses sent to
    LogEntry.objects.create(
        user=superadmin,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
        change_message=f"Changed whatsapp for {PERSON['full_name']}.",
    )
    FileAccess.objects.create(attachment=req.current_letter, req=req, user=unit_admin)
    return [req, walk_in, complaint]


def test_a_deleted_account_leaves_none_of_its_values_in_any_table(
    client, person, history, django_capture_on_commit_callbacks
):
    before = scan.find(VALUES)
    tables = {table for table, _column, _value in before}
    assert {"accounts_user", "account_emailaddress", "socialaccount_socialaccount"} <= tables
    assert {"requests_servicerequest", "requests_event", "requests_attachment"} <= tables
    assert {"notifications_message", "surveys_response", "api_accesstoken"} <= tables
    assert {"accounts_consentrecord", "django_admin_log", "requests_disposition"} <= tables
    assert {"complaints_complaint", "complaints_event", "complaints_attachment"} <= tables
    events = Event.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/akun/profil/hapus-akun/", {"confirm": "on", "password": PASSWORD}, follow=True
        )

    assert scan.find(VALUES) == []
    assert "Akun Anda telah dihapus." in response.content.decode()
    assert not _stored_file_names_containing("kinanthi")
    # The unit's records and the statistics stay, naming no one.
    assert ServiceRequest.objects.filter(pk__in=[r.pk for r in history[:2]]).count() == 2
    complaint = Complaint.objects.get(pk=history[2].pk)  # the unit's record stays, anonymous
    assert complaint.events.count() == 5 and "[" in complaint.description
    with complaint.files.get().file.open("rb") as kept:
        assert kept.read(5) == b"%PDF-"
    assert Event.objects.count() == events
    assert Response.objects.filter(req=history[0]).exists()
    tombstone = User.objects.get(pk=person.pk)
    assert not tombstone.is_active and tombstone.erased_at
    assert str(tombstone) == "Akun terhapus"
    assert ConsentRecord.objects.filter(user=tombstone).count() == 3
    assert not Message.objects.filter(recipient=tombstone).exists()
    sessions = [s.get_decoded().get("_auth_user_id") for s in Session.objects.all()]
    assert str(person.pk) not in sessions
    letter = history[0].current_letter
    with letter.file.open("rb") as kept:
        assert kept.read(5) == b"%PDF-"  # the letter itself is the unit's, until retention


def _stored_file_names_containing(word: str) -> list[str]:
    root = storages["private"].location
    return [name for _, _, names in os.walk(root) for name in names if word in name.lower()]


def test_the_signed_out_visitor_cannot_sign_in_again(client, person, history):
    client.post("/akun/profil/hapus-akun/", {"confirm": "on", "password": PASSWORD})
    assert not client.login(username=PERSON["username"], password=PASSWORD)
    assert client.get("/akun/profil/")["Location"].startswith("/akun/login/")


def test_unit_roles_are_told_why_they_cannot_delete_themselves(client, staff):
    client.force_login(staff)
    page = client.get("/akun/profil/hapus-akun/").content.decode()
    assert "Anda memegang peran di sebuah unit" in page
    assert 'type="password"' not in page
    response = client.post("/akun/profil/hapus-akun/", {"confirm": "on", "password": PASSWORD})
    assert response.status_code == 403
    staff.refresh_from_db()
    assert staff.is_active and staff.erased_at is None and staff.username == "staf"


def test_a_wrong_password_deletes_nothing(client, requester):
    client.force_login(requester)
    response = client.post("/akun/profil/hapus-akun/", {"confirm": "on", "password": "salah"})
    assert response.status_code == 422
    assert "Itu bukan kata sandi Anda." in response.content.decode()
    requester.refresh_from_db()
    assert requester.is_active and requester.email


def test_without_the_confirmation_nothing_is_deleted(client, requester):
    client.force_login(requester)
    response = client.post("/akun/profil/hapus-akun/", {"password": PASSWORD})
    assert response.status_code == 422
    requester.refresh_from_db()
    assert requester.erased_at is None


def test_a_person_without_a_password_signs_in_again_first(client, requester):
    """SSO-only accounts, and those the unit made at the counter, have no password to type."""
    requester.set_unusable_password()
    requester.save()
    client.force_login(requester)
    response = client.get("/akun/profil/hapus-akun/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/reauthenticate/")


def test_it_is_refused_in_english_too(client, staff):
    client.force_login(staff)
    page = client.get("/en/akun/profil/hapus-akun/").content.decode()
    assert "You hold a role in a unit" in page
