import pytest

from loket.complaints import workflow
from loket.requests.forms import checked_upload
from loket.requests.tests.factories import pdf_file


def file_complaint(service, complainant, *, hide_identity=False, files=(), **overrides):
    details = workflow.Details(
        subject=overrides.get("subject", "Antrean layanan terlalu lama"),
        description=overrides.get("description", "Saya menunggu dua jam tanpa kabar."),
        hide_identity=hide_identity,
        related_request=overrides.get("related_request"),
    )
    return workflow.submit(service, complainant=complainant, details=details, files=list(files))


def evidence(name="bukti.pdf"):
    return checked_upload(pdf_file(name))


@pytest.fixture
def received(service, requester):
    return file_complaint(service, requester, files=[evidence()])


@pytest.fixture
def hidden(service, requester):
    """A complaint whose complainant asked to stay unknown to the staff."""
    return file_complaint(service, requester, hide_identity=True, files=[evidence()])


@pytest.fixture
def verified(received, unit_admin):
    return workflow.verify(received, by=unit_admin)


@pytest.fixture
def in_follow_up(verified, unit_admin, staff):
    return workflow.assign(verified, by=unit_admin, staff=staff, note="Cek log antrean.")


@pytest.fixture
def answered(in_follow_up, staff):
    return workflow.answer(in_follow_up, by=staff, text="Antrean sudah ditambah satu loket.")
