from io import StringIO

import pytest
from django.core.management import call_command

from loket.complaints import workflow
from loket.complaints.models import Complaint, Status

pytestmark = pytest.mark.django_db


def test_load_demo_files_complaints_once_and_one_can_be_reopened(settings, unit):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo complaints made: 3." in out.getvalue()
    call_command("load_demo", stdout=StringIO())
    assert Complaint.objects.count() == 3
    statuses = sorted(Complaint.objects.values_list("status", flat=True))
    assert statuses == sorted([Status.RECEIVED, Status.ANSWERED, Status.RESOLVED])
    answered = Complaint.objects.get(status=Status.ANSWERED)
    assert workflow.available_actions(answered, answered.complainant) == ["reopen", "confirm"]
    assert Complaint.objects.get(status=Status.RESOLVED).hide_identity
