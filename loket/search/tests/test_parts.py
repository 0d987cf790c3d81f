"""Pencarian counts and reads requests and complaints in parts (query.parts: each unit where the
person holds a role, then their own elsewhere), so that each part reads one index. Together the
parts must be exactly what visible_to gives, for every role and for people holding several: a
part never widens what a person sees, and none is missed."""

import pytest

from loket.accounts.models import Role
from loket.accounts.tests.factories import UnitRoleFactory, person_with_role
from loket.catalog.tests.factories import ServiceFactory
from loket.complaints import workflow as complaint_workflow
from loket.complaints.models import Complaint
from loket.complaints.tests.conftest import file_complaint
from loket.requests.models import ServiceRequest
from loket.requests.tests import factories
from loket.search import query
from loket.search.query import Criteria

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_staff(other_unit):
    return person_with_role("staf-perpus", Role.STAFF, other_unit, totp=False)


@pytest.fixture
def admin_and_library_staff(unit, other_unit):
    """Admin Unit of DTIK and staff of the library."""
    person = person_with_role("admin-dan-staf", Role.UNIT_ADMIN, unit)
    UnitRoleFactory(user=person, unit=other_unit, role=Role.STAFF)
    return person


@pytest.fixture
def world(
    cooperation_requests,
    room_service,
    unit_admin,
    library_staff,
    admin_and_library_staff,
    requester,
    other_requester,
    other_unit,
):
    """Requests and complaints in both units, some the role holders' own, some disposed to or
    assigned to staff."""
    factories.submit(room_service, unit_admin, subject="Ruang untuk rapat admin")
    factories.submit(room_service, admin_and_library_staff, subject="Ruang milik sendiri")
    library = ServiceFactory(unit=other_unit)
    dtik = cooperation_requests["own"].service
    file_complaint(dtik, requester, hide_identity=True)
    file_complaint(dtik, unit_admin, subject="Admin mengeluh")
    for assignee in (library_staff, admin_and_library_staff):
        complaint = file_complaint(library, other_requester, subject="Ruang baca berisik")
        library_admin = person_with_role(f"admin-{assignee.pk}", Role.UNIT_ADMIN, other_unit)
        complaint_workflow.verify(complaint, by=library_admin)
        complaint_workflow.assign(complaint, by=library_admin, staff=assignee)
    file_complaint(library, admin_and_library_staff, subject="Keluhan sendiri")


PERSONAS = [
    "requester",
    "other_requester",
    "unit_admin",
    "unit_admin_other_unit",
    "director",
    "staff",
    "library_staff",
    "admin_and_library_staff",
    "superadmin",
]


@pytest.mark.parametrize(
    "table", [query.REQUESTS, query.COMPLAINTS], ids=["requests", "complaints"]
)
@pytest.mark.parametrize("persona", PERSONAS)
def test_the_parts_are_exactly_what_the_person_may_see(request, world, persona, table):
    user = request.getfixturevalue(persona)
    visible = set(table.model.objects.visible_to(user).values_list("pk", flat=True))
    parts = query.parts(Criteria(), user=user, table=table)
    found = [set(part.found.values_list("pk", flat=True)) for part in parts]
    newest = [set(part.newest.values_list("pk", flat=True)) for part in parts]
    assert found == newest
    assert set().union(*found) == visible
    assert sum(len(rows) for rows in found) == len(visible)  # disjoint: each counted once
    assert query.count_parts(parts, cap=1000) == [len(rows) for rows in found]


def test_there_is_something_to_see(world, admin_and_library_staff):
    # The test above would pass on empty tables: the person holding two roles sees requests and
    # complaints through each of them, and their own.
    user = admin_and_library_staff
    assert ServiceRequest.objects.visible_to(user).count() == 3
    assert Complaint.objects.visible_to(user).count() == 4


@pytest.mark.parametrize("persona", ["unit_admin", "admin_and_library_staff", "superadmin"])
def test_pages_are_read_newest_first_across_parts(request, world, persona):
    user = request.getfixturevalue(persona)
    parts = query.parts(Criteria(), user=user)
    counts = query.count_parts(parts, cap=1000)
    visible = ServiceRequest.objects.visible_to(user).order_by("-submitted_at", "-pk")
    expected = list(visible.values_list("pk", flat=True))
    assert query.read_parts(parts, counts, 0, len(expected), cap=1000) == expected
    # Read newest first with a cap below the counts, as a common word's parts are.
    assert query.read_parts(parts, counts, 1, 2, cap=0) == expected[1:2]
